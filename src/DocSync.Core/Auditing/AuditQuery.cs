namespace DocSync.Core.Auditing;

/// <summary>Filters and paging for reading the audit log; newest first.</summary>
public sealed record AuditQuery
{
    /// <summary>Largest page size.</summary>
    public const int MaxPageSize = 200;

    /// <summary>Only changes to this entity type, e.g. <c>Document</c>.</summary>
    public string? EntityType { get; init; }

    /// <summary>Only changes to the entity with this id (as recorded, e.g. a GUID).</summary>
    public string? EntityId { get; init; }

    /// <summary>Only changes by this person or API key.</summary>
    public Guid? ActorId { get; init; }

    /// <summary>Only changes at or after this instant.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Only changes before this instant (exclusive).</summary>
    public DateTimeOffset? To { get; init; }

    /// <summary>1-based page number. Default 1.</summary>
    public int Page { get; init; } = 1;

    /// <summary>Items per page, 1 to <see cref="MaxPageSize"/>. Default 50.</summary>
    public int PageSize { get; init; } = 50;
}
