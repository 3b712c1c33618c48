using DocSync.Core.Access;
using DocSync.Core.Auditing;

namespace DocSync.Core.Notifications;

/// <summary>
/// "Something people must hear about happened", written in the same transaction as the change that
/// made it happen (the outbox pattern): if the change is saved, so is the event. The notification
/// worker turns events into <see cref="Notice"/>s; <see cref="DedupKey"/> makes that happen once per event.
/// </summary>
public sealed class NoticeEvent : ICompanyScoped, IAuditExempt
{
    /// <summary>Increasing id: handled in this order.</summary>
    public long Id { get; set; }

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

    /// <summary>The same event reported twice carries the same key (e.g. <c>relink:{connection}:{linked at}</c>).</summary>
    public required string DedupKey { get; set; }

    /// <summary>When it happened.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the worker handled it; <see langword="null"/> while pending.</summary>
    public DateTimeOffset? ProcessedAt { get; set; }
}
