namespace DocSync.Core.Documents;

/// <summary>Filters and paging for listing documents; newest issue date first.</summary>
public sealed record DocumentQuery
{
    /// <summary>Largest page size.</summary>
    public const int MaxPageSize = 200;

    /// <summary>Only this type.</summary>
    public DocumentType? Type { get; init; }

    /// <summary>Only this status.</summary>
    public DocumentStatus? Status { get; init; }

    /// <summary>Only documents in this binder.</summary>
    public Guid? BinderId { get; init; }

    /// <summary>Issued on or after.</summary>
    public DateOnly? IssuedFrom { get; init; }

    /// <summary>Issued on or before.</summary>
    public DateOnly? IssuedTo { get; init; }

    /// <summary>Text in the number, seller name or buyer name (case-insensitive).</summary>
    public string? Search { get; init; }

    /// <summary>1-based page number. Default 1.</summary>
    public int Page { get; init; } = 1;

    /// <summary>Items per page, 1 to <see cref="MaxPageSize"/>. Default 50.</summary>
    public int PageSize { get; init; } = 50;
}
