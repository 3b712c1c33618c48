using DocSync.Core.Collect;
using DocSync.Core.Companies;
using DocSync.Core.Connections;
using DocSync.Core.Organizing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DocSync.Core.Persistence.Configurations;

internal sealed class CollectionChannelConfiguration : IEntityTypeConfiguration<CollectionChannel>
{
    public void Configure(EntityTypeBuilder<CollectionChannel> builder)
    {
        builder.HasOne<Company>().WithMany().HasForeignKey(c => c.CompanyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<DropboxConnection>().WithMany().HasForeignKey(c => c.ConnectionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Binder>().WithMany().HasForeignKey(c => c.BinderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.CompanyId, c.Name }).IsUnique();
        builder.HasIndex(c => new { c.Enabled, c.NextRunAt });
        builder.Property(c => c.Name).HasMaxLength(100);
        builder.Property(c => c.SourcePath).HasMaxLength(1024);
        builder.Property(c => c.SourceFolderId).HasMaxLength(128);
        builder.Property(c => c.Schedule).HasMaxLength(100);
        builder.Property(c => c.TimeZone).HasMaxLength(64);
        builder.Property(c => c.AfterCollect).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Problem).HasMaxLength(2000);
        builder.Property(c => c.ProblemCode).HasMaxLength(64);
        builder.Property(c => c.Cursor).HasMaxLength(4000);
    }
}

internal sealed class CollectedFileConfiguration : IEntityTypeConfiguration<CollectedFile>
{
    public void Configure(EntityTypeBuilder<CollectedFile> builder)
    {
        builder.HasOne<Company>().WithMany().HasForeignKey(f => f.CompanyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CollectionChannel>().WithMany().HasForeignKey(f => f.ChannelId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(f => f.Id).ValueGeneratedOnAdd();
        builder.HasIndex(f => new { f.ChannelId, f.DropboxFileId, f.ContentHash }).IsUnique();
        builder.HasIndex(f => new { f.ChannelId, f.ContentHash });
        builder.HasIndex(f => new { f.ChannelId, f.Status });
        builder.Property(f => f.DropboxFileId).HasMaxLength(128);
        builder.Property(f => f.ContentHash).HasMaxLength(80);
        builder.Property(f => f.Rev).HasMaxLength(64);
        builder.Property(f => f.Path).HasMaxLength(1024);
        builder.Property(f => f.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(f => f.Reason).HasMaxLength(64);
        builder.Property(f => f.Detail).HasMaxLength(2000);
    }
}

internal sealed class CollectionRunConfiguration : IEntityTypeConfiguration<CollectionRun>
{
    public void Configure(EntityTypeBuilder<CollectionRun> builder)
    {
        builder.HasOne<Company>().WithMany().HasForeignKey(r => r.CompanyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CollectionChannel>().WithMany().HasForeignKey(r => r.ChannelId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.CompanyId, r.StartedAt });
        builder.HasIndex(r => new { r.ChannelId, r.StartedAt });
        builder.Property(r => r.Trigger).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Outcome).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Problem).HasMaxLength(2000);
        builder.Property(r => r.ProblemCode).HasMaxLength(64);
    }
}

internal sealed class CollectionRunFileConfiguration : IEntityTypeConfiguration<CollectionRunFile>
{
    public void Configure(EntityTypeBuilder<CollectionRunFile> builder)
    {
        builder.HasOne<Company>().WithMany().HasForeignKey(f => f.CompanyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CollectionRun>().WithMany().HasForeignKey(f => f.RunId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(f => f.Id).ValueGeneratedOnAdd();
        builder.HasIndex(f => new { f.RunId, f.Id });
        builder.Property(f => f.Path).HasMaxLength(1024);
        builder.Property(f => f.DropboxFileId).HasMaxLength(128);
        builder.Property(f => f.Result).HasConversion<string>().HasMaxLength(20);
        builder.Property(f => f.Reason).HasMaxLength(64);
        builder.Property(f => f.Detail).HasMaxLength(2000);
    }
}
