namespace DocSync.Dropbox;

/// <summary>A four-hour download link (<c>files/get_temporary_link</c>).</summary>
public sealed record TemporaryLink
{
    /// <summary>The file linked.</summary>
    public FileMetadata Metadata { get; init; } = new();

    /// <summary>The link; answers 410 once expired.</summary>
    public string Link { get; init; } = "";
}
