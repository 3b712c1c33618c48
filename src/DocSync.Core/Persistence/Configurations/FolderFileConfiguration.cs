using DocSync.Core.Organizing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DocSync.Core.Persistence.Configurations;

internal sealed class FolderFileConfiguration : IEntityTypeConfiguration<FolderFile>
{
    public void Configure(EntityTypeBuilder<FolderFile> builder)
    {
        builder.HasOne<Folder>().WithMany().HasForeignKey(f => f.FolderId).OnDelete(DeleteBehavior.Cascade);

        // One file of a name per folder among files in use, ignoring case (trashed ones may share it; the top level,
        // whose FolderId is null, is checked by the service). It is also a folder's page: WHERE FolderId = @f AND
        // DeletedAt IS NULL AND NameKey > @after ORDER BY NameKey LIMIT n (keyset paging).
        builder.HasIndex(f => new { f.FolderId, f.NameKey }).IsUnique().HasFilter("\"DeletedAt\" IS NULL");
        builder.HasIndex(f => new { f.CompanyId, f.TrashGroupId });
        builder.HasIndex(f => f.DeletedAt);
        builder.HasIndex(f => f.Sha256);
        builder.Property(f => f.FileName).HasMaxLength(255);
        builder.Property(f => f.NameKey).HasMaxLength(255);
        builder.Property(f => f.ContentType).HasMaxLength(127);
        builder.Property(f => f.Sha256).HasMaxLength(64).IsFixedLength();
        builder.Property(f => f.Version).IsConcurrencyToken();
    }
}
