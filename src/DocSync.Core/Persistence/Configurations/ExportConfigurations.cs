using DocSync.Core.Companies;
using DocSync.Core.Connections;
using DocSync.Core.Documents;
using DocSync.Core.Export;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DocSync.Core.Persistence.Configurations;

internal sealed class ExportProfileConfiguration : IEntityTypeConfiguration<ExportProfile>
{
    public void Configure(EntityTypeBuilder<ExportProfile> builder)
    {
        builder.HasOne<Company>().WithMany().HasForeignKey(p => p.CompanyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<DropboxConnection>().WithMany().HasForeignKey(p => p.ConnectionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => new { p.ConnectionId, p.Name }).IsUnique();
        builder.Property(p => p.Name).HasMaxLength(100);
        builder.Property(p => p.PathTemplate).HasMaxLength(400);
        builder.Property(p => p.Folder).HasMaxLength(400);
        builder.Property(p => p.Language).HasMaxLength(8);
    }
}

internal sealed class ExportedFileConfiguration : IEntityTypeConfiguration<ExportedFile>
{
    public void Configure(EntityTypeBuilder<ExportedFile> builder)
    {
        builder.HasOne<Company>().WithMany().HasForeignKey(f => f.CompanyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ExportProfile>().WithMany().HasForeignKey(f => f.ProfileId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Document>().WithMany().HasForeignKey(f => f.DocumentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(f => new { f.ProfileId, f.DocumentId, f.Slot }).IsUnique();
        builder.HasIndex(f => new { f.ProfileId, f.PathKey }).IsUnique();
        builder.Property(f => f.Slot).HasMaxLength(64);
        builder.Property(f => f.Path).HasMaxLength(1024);
        builder.Property(f => f.PathKey).HasMaxLength(1024);
        builder.Property(f => f.DropboxId).HasMaxLength(128);
        builder.Property(f => f.Rev).HasMaxLength(64);
        builder.Property(f => f.ContentHash).HasMaxLength(64);
        builder.Property(f => f.SourceSha256).HasMaxLength(64);
    }
}

internal sealed class SyncTaskConfiguration : IEntityTypeConfiguration<SyncTask>
{
    public void Configure(EntityTypeBuilder<SyncTask> builder)
    {
        builder.HasOne<Company>().WithMany().HasForeignKey(t => t.CompanyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ExportProfile>().WithMany().HasForeignKey(t => t.ProfileId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(t => t.Id).ValueGeneratedOnAdd();
        builder.HasIndex(t => new { t.ProfileId, t.DocumentId }).IsUnique();
        builder.HasIndex(t => new { t.ConnectionId, t.DeadAt, t.Priority, t.NextAttemptAt });
        builder.Property(t => t.LastErrorCode).HasMaxLength(128);
        builder.Property(t => t.LastError).HasMaxLength(2000);
    }
}

internal sealed class SyncLogEntryConfiguration : IEntityTypeConfiguration<SyncLogEntry>
{
    public void Configure(EntityTypeBuilder<SyncLogEntry> builder)
    {
        builder.HasOne<Company>().WithMany().HasForeignKey(e => e.CompanyId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(e => e.Id).ValueGeneratedOnAdd();
        builder.HasIndex(e => new { e.ConnectionId, e.Id });
        builder.HasIndex(e => new { e.ProfileId, e.At });
        builder.Property(e => e.Path).HasMaxLength(1024);
        builder.Property(e => e.Rev).HasMaxLength(64);
        builder.Property(e => e.Detail).HasMaxLength(2000);
    }
}

internal sealed class ConnectionActivityConfiguration : IEntityTypeConfiguration<ConnectionActivity>
{
    public void Configure(EntityTypeBuilder<ConnectionActivity> builder)
    {
        builder.HasKey(a => a.ConnectionId);
        builder.HasOne<Company>().WithMany().HasForeignKey(a => a.CompanyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<DropboxConnection>().WithOne().HasForeignKey<ConnectionActivity>(a => a.ConnectionId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(a => a.ProblemCode).HasMaxLength(128);
        builder.Property(a => a.Problem).HasMaxLength(2000);
    }
}
