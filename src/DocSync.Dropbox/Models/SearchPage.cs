namespace DocSync.Dropbox;

/// <summary>One page of <c>files/search_v2</c> or <c>search/continue_v2</c>.</summary>
public sealed record SearchPage
{
    /// <summary>The hits on this page.</summary>
    public IReadOnlyList<SearchMatch> Matches { get; init; } = [];

    /// <summary>True when more hits follow.</summary>
    public bool HasMore { get; init; }

    /// <summary>Where to continue from, when <see cref="HasMore"/>.</summary>
    public string? Cursor { get; init; }
}
