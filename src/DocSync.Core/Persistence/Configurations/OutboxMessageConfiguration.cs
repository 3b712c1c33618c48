using DocSync.Core.Companies;
using DocSync.Core.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DocSync.Core.Persistence.Configurations;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.HasOne<Company>().WithMany().HasForeignKey(m => m.CompanyId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(m => m.Id).ValueGeneratedOnAdd();
        builder.HasIndex(m => new { m.ProcessedAt, m.Id });
        builder.Property(m => m.Topic).HasMaxLength(64);
    }
}
