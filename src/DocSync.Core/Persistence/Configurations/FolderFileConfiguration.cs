using DocSync.Core.Organizing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DocSync.Core.Persistence.Configurations;

internal sealed class FolderFileConfiguration : IEntityTypeConfiguration<FolderFile>
{
    public void Configure(EntityTypeBuilder<FolderFile> builder)
    {
        builder.HasOne<Folder>().WithMany().HasForeignKey(f => f.FolderId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(f => new { f.FolderId, f.FileName }).IsUnique();
        builder.HasIndex(f => f.Sha256);
        builder.Property(f => f.FileName).HasMaxLength(255);
        builder.Property(f => f.ContentType).HasMaxLength(127);
        builder.Property(f => f.Sha256).HasMaxLength(64).IsFixedLength();
    }
}
