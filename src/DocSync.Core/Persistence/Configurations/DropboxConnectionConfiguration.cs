using DocSync.Core.Companies;
using DocSync.Core.Connections;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DocSync.Core.Persistence.Configurations;

internal sealed class DropboxConnectionConfiguration : IEntityTypeConfiguration<DropboxConnection>
{
    public void Configure(EntityTypeBuilder<DropboxConnection> builder)
    {
        builder.HasOne<Company>().WithMany().HasForeignKey(c => c.CompanyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.CompanyId, c.Name });
        builder.Property(c => c.Name).HasMaxLength(100);
        builder.Property(c => c.AccountId).HasMaxLength(100);
        builder.Property(c => c.AccountEmail).HasMaxLength(256);
        builder.Property(c => c.AccountName).HasMaxLength(200);
        builder.Property(c => c.TeamId).HasMaxLength(100);
        builder.Property(c => c.RootFolder).HasMaxLength(512);
        builder.Property(c => c.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.LastError).HasMaxLength(1000);
    }
}
