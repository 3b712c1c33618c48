namespace DocSync.Dropbox;

/// <summary>One search hit.</summary>
public sealed record SearchMatch
{
    /// <summary>What matched.</summary>
    public Metadata Metadata { get; init; } = new();

    /// <summary><c>filename</c>, <c>file_content</c>, <c>filename_and_content</c>, <c>image_content</c> or a newer tag; null when not sent.</summary>
    public string? MatchType { get; init; }
}
