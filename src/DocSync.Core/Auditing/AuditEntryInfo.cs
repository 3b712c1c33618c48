using DocSync.Core.Access;

namespace DocSync.Core.Auditing;

/// <summary>One change in the audit log, with who made it by name.</summary>
/// <param name="Id">The entry's id.</param>
/// <param name="OccurredAt">When it happened.</param>
/// <param name="ActorKind">Person, API key or system.</param>
/// <param name="ActorId">The person's or API key's id; <see cref="Guid.Empty"/> for the system.</param>
/// <param name="ActorName">
/// The person's display name, the API key's name, or <c>DocSync</c> for the system; <c>Unknown person</c>
/// or <c>Unknown API key</c> when it no longer exists.
/// </param>
/// <param name="Action"><c>Added</c>, <c>Modified</c> or <c>Deleted</c>.</param>
/// <param name="EntityType">The entity type, e.g. <c>Document</c>.</param>
/// <param name="EntityId">The entity's id.</param>
/// <param name="ChangedProperties">For a modification, the names of the changed properties; otherwise empty.</param>
/// <param name="Subject">What the entity is called now (a document's number, a connection's name…); null when it no longer exists or has no name.</param>
public sealed record AuditEntryInfo(
    Guid Id,
    DateTimeOffset OccurredAt,
    ActorKind ActorKind,
    Guid ActorId,
    string ActorName,
    string Action,
    string EntityType,
    string EntityId,
    IReadOnlyList<string> ChangedProperties,
    string? Subject = null);
