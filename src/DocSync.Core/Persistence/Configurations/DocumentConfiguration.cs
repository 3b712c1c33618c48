using DocSync.Core.Companies;
using DocSync.Core.Documents;
using DocSync.Core.Organizing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DocSync.Core.Persistence.Configurations;

internal sealed class DocumentConfiguration : IEntityTypeConfiguration<Document>
{
    public void Configure(EntityTypeBuilder<Document> builder)
    {
        builder.HasOne<Company>().WithMany().HasForeignKey(d => d.CompanyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Binder>().WithMany().HasForeignKey(d => d.BinderId).OnDelete(DeleteBehavior.SetNull);
        builder.Property(d => d.CurrentVersion).IsConcurrencyToken();
        builder.Property(d => d.Type).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.Number).HasMaxLength(64);
        builder.Property(d => d.Currency).HasMaxLength(3);
        builder.Property(d => d.SellerName).HasMaxLength(200);
        builder.Property(d => d.SearchKey).HasDefaultValue("");
        builder.Property(d => d.BuyerName).HasMaxLength(200);
        builder.Property(d => d.TotalInclVat).HasPrecision(18, 2);
        builder.HasIndex(d => new { d.CompanyId, d.IssueDate });
        builder.HasIndex(d => new { d.CompanyId, d.Number });
        builder.Property(d => d.NumberKey).HasMaxLength(64);
        builder.HasIndex(d => new { d.CompanyId, d.Type, d.NumberKey }).IsUnique();
    }
}
