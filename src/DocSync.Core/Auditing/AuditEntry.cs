using DocSync.Core.Access;

namespace DocSync.Core.Auditing;

/// <summary>
/// One change: who did what to which entity, when, in which company. Written by the database
/// context in the same transaction as the change itself; never holds document contents.
/// </summary>
public sealed class AuditEntry : ICompanyScoped, IAuditExempt
{
    /// <summary>The entry's id.</summary>
    public Guid Id { get; set; }

    /// <inheritdoc />
    public Guid CompanyId { get; set; }

    /// <summary>When it happened.</summary>
    public DateTimeOffset OccurredAt { get; set; }

    /// <summary>Who did it: person, API key or system.</summary>
    public ActorKind ActorKind { get; set; }

    /// <summary>The person's or API key's id; <see cref="Guid.Empty"/> for the system.</summary>
    public Guid ActorId { get; set; }

    /// <summary>What: <c>Added</c>, <c>Modified</c> or <c>Deleted</c>.</summary>
    public required string Action { get; set; }

    /// <summary>The entity type, e.g. <c>Document</c>.</summary>
    public required string EntityType { get; set; }

    /// <summary>The entity's id.</summary>
    public required string EntityId { get; set; }

    /// <summary>For a modification, the names of the changed properties, comma-separated (never their values).</summary>
    public string? ChangedProperties { get; set; }
}
