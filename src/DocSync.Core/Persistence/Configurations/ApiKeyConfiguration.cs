using DocSync.Core.ApiKeys;
using DocSync.Core.Companies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DocSync.Core.Persistence.Configurations;

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.HasOne<Company>().WithMany().HasForeignKey(k => k.CompanyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(k => k.Prefix).IsUnique();
        builder.Property(k => k.Name).HasMaxLength(200);
        builder.Property(k => k.Prefix).HasMaxLength(32);
        builder.Property(k => k.Salt).HasMaxLength(32);
        builder.Property(k => k.SecretHash).HasMaxLength(32);
        builder.Property(k => k.Access).HasConversion<string>().HasMaxLength(20);
    }
}
