using DocSync.Core.Companies;
using DocSync.Core.Organizing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DocSync.Core.Persistence.Configurations;

internal sealed class FolderConfiguration : IEntityTypeConfiguration<Folder>
{
    public void Configure(EntityTypeBuilder<Folder> builder)
    {
        builder.HasOne<Company>().WithMany().HasForeignKey(f => f.CompanyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Folder>().WithMany().HasForeignKey(f => f.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(f => new { f.CompanyId, f.ParentId, f.Name });
        builder.HasIndex(f => new { f.CompanyId, f.TrashGroupId });
        builder.HasIndex(f => f.DeletedAt);
        builder.Property(f => f.Name).HasMaxLength(255);
        builder.Property(f => f.Version).IsConcurrencyToken();
    }
}
