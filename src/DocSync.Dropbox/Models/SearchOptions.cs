namespace DocSync.Dropbox;

/// <summary>Options of <c>files/search_v2</c>.</summary>
public sealed record SearchOptions
{
    /// <summary>Folder to search under; null searches everything. Default null.</summary>
    public string? Path { get; init; }

    /// <summary>Matches per page, 1–1000. Default null (Dropbox's 100).</summary>
    public int? MaxResults { get; init; }

    /// <summary>Search deleted files instead of active ones. Default false.</summary>
    public bool Deleted { get; init; }

    /// <summary>Match names only, not contents. Default false.</summary>
    public bool FilenameOnly { get; init; }

    /// <summary>Only these extensions (without the dot). Default none.</summary>
    public IReadOnlyList<string>? FileExtensions { get; init; }

    /// <summary>Order by last modification instead of relevance. Default false.</summary>
    public bool OrderByLastModified { get; init; }
}
