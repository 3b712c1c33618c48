namespace DocSync.Dropbox;

/// <summary>Options of <c>files/list_folder</c>.</summary>
public sealed record ListFolderOptions
{
    /// <summary>List every descendant, not only children. Default false.</summary>
    public bool Recursive { get; init; }

    /// <summary>Include deletions. Default false.</summary>
    public bool IncludeDeleted { get; init; }

    /// <summary>Approximate entries per page, 1–2000. Default null (Dropbox's choice).</summary>
    public int? Limit { get; init; }

    /// <summary>Include mounted folders (shared and team folders). Default true.</summary>
    public bool IncludeMountedFolders { get; init; } = true;

    /// <summary>Include files that cannot be downloaded. Default true.</summary>
    public bool IncludeNonDownloadableFiles { get; init; } = true;
}
