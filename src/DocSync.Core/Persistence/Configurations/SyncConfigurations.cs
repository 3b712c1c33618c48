using DocSync.Core.Companies;
using DocSync.Core.Connections;
using DocSync.Core.Sync;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DocSync.Core.Persistence.Configurations;

internal sealed class SyncLoopConfiguration : IEntityTypeConfiguration<SyncLoop>
{
    public void Configure(EntityTypeBuilder<SyncLoop> builder)
    {
        builder.HasKey(l => new { l.Engine, l.Key });
        builder.HasOne<Company>().WithMany().HasForeignKey(l => l.CompanyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<DropboxConnection>().WithMany().HasForeignKey(l => l.ConnectionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(l => l.ConnectionId);
        builder.Property(l => l.LeaseOwner).HasMaxLength(100);
        builder.Property(l => l.Detail).HasMaxLength(2000);
    }
}
