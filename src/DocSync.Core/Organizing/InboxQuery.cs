namespace DocSync.Core.Organizing;

/// <summary>Filters and paging for listing the inbox; newest first.</summary>
public sealed record InboxQuery
{
    /// <summary>Largest page size.</summary>
    public const int MaxPageSize = 200;

    /// <summary>Only items with this status.</summary>
    public InboxItemStatus? Status { get; init; }

    /// <summary>Only items destined for this binder.</summary>
    public Guid? BinderId { get; init; }

    /// <summary>Only items assigned to this person.</summary>
    public Guid? AssigneeId { get; init; }

    /// <summary>Only items from this source.</summary>
    public InboxSource? Source { get; init; }

    /// <summary>Words to find in the file name or the text read from the file (case and accents ignored).</summary>
    public string? Search { get; init; }

    /// <summary>Only items flagged as possible duplicates.</summary>
    public bool DuplicatesOnly { get; init; }

    /// <summary>1-based page number. Default 1.</summary>
    public int Page { get; init; } = 1;

    /// <summary>Items per page, 1 to <see cref="MaxPageSize"/>. Default 50.</summary>
    public int PageSize { get; init; } = 50;
}
