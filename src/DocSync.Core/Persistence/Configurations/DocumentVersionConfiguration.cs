using DocSync.Core.Documents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DocSync.Core.Persistence.Configurations;

internal sealed class DocumentVersionConfiguration : IEntityTypeConfiguration<DocumentVersion>
{
    public void Configure(EntityTypeBuilder<DocumentVersion> builder)
    {
        builder.HasOne<Document>().WithMany().HasForeignKey(v => v.DocumentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(v => new { v.DocumentId, v.Number }).IsUnique();
        builder.Property(v => v.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(v => v.CreatedBy).HasMaxLength(64);

        // The whole content as JSON text: versions are immutable, so nothing queries into it.
        builder.Property(v => v.Content).HasConversion(DocumentContentJson.Converter, DocumentContentJson.Comparer);
    }
}
