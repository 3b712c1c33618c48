namespace DocSync.Dropbox.Emulator.Model;

/// <summary>A shared link to a file or folder.</summary>
public sealed class SharedLink
{
    public required string Url { get; init; }

    public required string Id { get; init; }

    public required string AccountId { get; init; }

    public required string StoreNamespaceId { get; init; }

    /// <summary>Node id the link points at (follows moves).</summary>
    public required string NodeId { get; init; }

    public DateTimeOffset? Expires { get; init; }

    public string Audience { get; init; } = "public";

    public string Access { get; init; } = "viewer";

    public bool AllowDownload { get; init; } = true;

    public string? Password { get; init; }

    public bool Revoked { get; set; }
}
