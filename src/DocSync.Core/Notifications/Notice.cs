using DocSync.Core.Access;
using DocSync.Core.Auditing;

namespace DocSync.Core.Notifications;

/// <summary>One notice of a company: what happened, to what, and where it is fixed; unique per <see cref="DedupKey"/>.</summary>
public sealed class Notice : ICompanyScoped, IAuditExempt
{
    /// <summary>Its id.</summary>
    public Guid Id { get; set; }

    /// <inheritdoc />
    public Guid CompanyId { get; set; }

    /// <summary>What happened.</summary>
    public NoticeKind Kind { get; set; }

    /// <summary>The connection or channel concerned.</summary>
    public Guid SubjectId { get; set; }

    /// <summary>Its name when it happened.</summary>
    public required string SubjectName { get; set; }

    /// <summary>What Dropbox or DocSync said, if anything.</summary>
    public string? Detail { get; set; }

    /// <summary>How many (dead letters); 1 otherwise.</summary>
    public int Count { get; set; } = 1;

    /// <summary>The event's key: one notice per event.</summary>
    public required string DedupKey { get; set; }

    /// <summary>When it happened.</summary>
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A notice as one person has it: read or not, e-mailed or not.</summary>
public sealed class NoticeRecipient : ICompanyScoped, IAuditExempt
{
    /// <summary>The notice.</summary>
    public Guid NoticeId { get; set; }

    /// <summary>The person.</summary>
    public Guid PersonId { get; set; }

    /// <inheritdoc />
    public Guid CompanyId { get; set; }

    /// <summary>When the person marked it read.</summary>
    public DateTimeOffset? ReadAt { get; set; }

    /// <summary>Whether an e-mail about it is still to go (immediately or in the next digest).</summary>
    public bool MailPending { get; set; }

    /// <summary>When it was e-mailed.</summary>
    public DateTimeOffset? MailedAt { get; set; }
}

/// <summary>How a person wants notices e-mailed (every company alike).</summary>
public enum NoticeMail
{
    /// <summary>Each notice as it happens (the default).</summary>
    Immediately = 1,

    /// <summary>One message a day with what happened since the last one.</summary>
    DailyDigest = 2,

    /// <summary>No e-mail; the notification centre only.</summary>
    Never = 3,
}

/// <summary>A person's notification settings; no row means the defaults.</summary>
public sealed class NoticeSettings
{
    /// <summary>The person (also the key).</summary>
    public Guid PersonId { get; set; }

    /// <summary>How notices are e-mailed.</summary>
    public NoticeMail Mail { get; set; } = NoticeMail.Immediately;

    /// <summary>When the last digest went.</summary>
    public DateTimeOffset? LastDigestAt { get; set; }
}
