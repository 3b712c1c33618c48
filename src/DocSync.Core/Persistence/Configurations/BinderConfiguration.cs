using DocSync.Core.Companies;
using DocSync.Core.Organizing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DocSync.Core.Persistence.Configurations;

internal sealed class BinderConfiguration : IEntityTypeConfiguration<Binder>
{
    public void Configure(EntityTypeBuilder<Binder> builder)
    {
        builder.HasOne<Company>().WithMany().HasForeignKey(b => b.CompanyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(b => new { b.CompanyId, b.Name }).IsUnique();
        builder.Property(b => b.Name).HasMaxLength(200);
        builder.Property(b => b.Description).HasMaxLength(1000);
    }
}
