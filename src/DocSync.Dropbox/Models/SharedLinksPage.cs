namespace DocSync.Dropbox;

/// <summary>One page of <c>sharing/list_shared_links</c>.</summary>
public sealed record SharedLinksPage
{
    /// <summary>The links.</summary>
    public IReadOnlyList<SharedLinkMetadata> Links { get; init; } = [];

    /// <summary>True when more follow.</summary>
    public bool HasMore { get; init; }

    /// <summary>Where to continue from (only when no path was given).</summary>
    public string? Cursor { get; init; }
}
