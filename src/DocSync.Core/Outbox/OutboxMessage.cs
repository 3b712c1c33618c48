using DocSync.Core.Access;
using DocSync.Core.Auditing;

namespace DocSync.Core.Outbox;

/// <summary>
/// A change for the sync engine (Export) to act on, written in the same transaction as the change:
/// if the change is saved the message is too, and if not, neither is.
/// </summary>
public sealed class OutboxMessage : ICompanyScoped, IAuditExempt
{
    /// <summary>Increasing sequence number: consumers read in this order.</summary>
    public long Id { get; set; }

    /// <inheritdoc />
    public Guid CompanyId { get; set; }

    /// <summary>What happened, one of <see cref="OutboxTopics"/>.</summary>
    public required string Topic { get; set; }

    /// <summary>The entity it happened to, e.g. the document's id.</summary>
    public Guid EntityId { get; set; }

    /// <summary>The entity's version after the change (the document version number).</summary>
    public int Version { get; set; }

    /// <summary>When the change was saved.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When a consumer finished with it; <see langword="null"/> while pending.</summary>
    public DateTimeOffset? ProcessedAt { get; set; }
}
