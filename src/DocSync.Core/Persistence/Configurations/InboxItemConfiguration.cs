using DocSync.Core.Companies;
using DocSync.Core.Organizing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DocSync.Core.Persistence.Configurations;

internal sealed class InboxItemConfiguration : IEntityTypeConfiguration<InboxItem>
{
    public void Configure(EntityTypeBuilder<InboxItem> builder)
    {
        builder.HasOne<Company>().WithMany().HasForeignKey(i => i.CompanyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Binder>().WithMany().HasForeignKey(i => i.BinderId).OnDelete(DeleteBehavior.SetNull);

        // Exactly-once intake: one item per source identity (rows without one are never collapsed).
        builder.HasIndex(i => new { i.CompanyId, i.Source, i.SourceRef }).IsUnique();
        builder.HasIndex(i => new { i.CompanyId, i.Status, i.ReceivedAt });
        builder.Property(i => i.Source).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.SourceRef).HasMaxLength(200);
        builder.Property(i => i.FileName).HasMaxLength(255);
        builder.Property(i => i.ContentType).HasMaxLength(127);
        builder.Property(i => i.Sha256).HasMaxLength(64).IsFixedLength();
        builder.Property(i => i.ReadState).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.ReadMethod).HasMaxLength(20);
        builder.Property(i => i.Language).HasMaxLength(8);
        builder.Property(i => i.ReadProblem).HasMaxLength(1000);
        builder.Property(i => i.DuplicateKey).HasMaxLength(240);
        builder.HasIndex(i => new { i.CompanyId, i.DuplicateKey });
    }
}
