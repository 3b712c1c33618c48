using DocSync.Core.Companies;
using DocSync.Core.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DocSync.Core.Persistence.Configurations;

internal sealed class NoticeEventConfiguration : IEntityTypeConfiguration<NoticeEvent>
{
    public void Configure(EntityTypeBuilder<NoticeEvent> builder)
    {
        builder.HasIndex(e => new { e.ProcessedAt, e.Id });
        builder.HasOne<Company>().WithMany().HasForeignKey(e => e.CompanyId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(40);
        builder.Property(e => e.SubjectName).HasMaxLength(200);
        builder.Property(e => e.Detail).HasMaxLength(2000);
        builder.Property(e => e.DedupKey).HasMaxLength(200);
    }
}

internal sealed class NoticeConfiguration : IEntityTypeConfiguration<Notice>
{
    public void Configure(EntityTypeBuilder<Notice> builder)
    {
        builder.HasIndex(n => new { n.CompanyId, n.DedupKey }).IsUnique();
        builder.HasOne<Company>().WithMany().HasForeignKey(n => n.CompanyId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(n => n.Kind).HasConversion<string>().HasMaxLength(40);
        builder.Property(n => n.SubjectName).HasMaxLength(200);
        builder.Property(n => n.Detail).HasMaxLength(2000);
        builder.Property(n => n.DedupKey).HasMaxLength(200);
    }
}

internal sealed class NoticeRecipientConfiguration : IEntityTypeConfiguration<NoticeRecipient>
{
    public void Configure(EntityTypeBuilder<NoticeRecipient> builder)
    {
        builder.HasKey(r => new { r.NoticeId, r.PersonId });
        builder.HasIndex(r => new { r.PersonId, r.CompanyId, r.ReadAt });
        builder.HasIndex(r => new { r.MailPending, r.PersonId });
        builder.HasOne<Notice>().WithMany().HasForeignKey(r => r.NoticeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Person>().WithMany().HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NoticeSettingsConfiguration : IEntityTypeConfiguration<NoticeSettings>
{
    public void Configure(EntityTypeBuilder<NoticeSettings> builder)
    {
        builder.HasKey(s => s.PersonId);
        builder.HasOne<Person>().WithMany().HasForeignKey(s => s.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(s => s.Mail).HasConversion<string>().HasMaxLength(20);
    }
}
