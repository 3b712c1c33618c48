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

internal sealed class SyncCursorConfiguration : IEntityTypeConfiguration<Sync.Changes.SyncCursor>
{
    public void Configure(EntityTypeBuilder<Sync.Changes.SyncCursor> builder)
    {
        builder.HasKey(c => new { c.Engine, c.Key });
        builder.HasOne<Company>().WithMany().HasForeignKey(c => c.CompanyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<DropboxConnection>().WithMany().HasForeignKey(c => c.ConnectionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => c.ConnectionId);
        builder.Property(c => c.Folder).HasMaxLength(1024);
        builder.Property(c => c.Cursor).HasMaxLength(4096);
    }
}
