using System.Text.Json.Serialization;

namespace DocSync.Dropbox;

/// <summary>A shared link (<c>.tag</c> <c>file</c> or <c>folder</c>).</summary>
public sealed record SharedLinkMetadata
{
    /// <summary><c>file</c>, <c>folder</c> or a newer tag.</summary>
    [JsonPropertyName(".tag")]
    public string Kind { get; init; } = "";

    /// <summary>The link.</summary>
    public string Url { get; init; } = "";

    /// <summary>The linked item's id.</summary>
    public string? Id { get; init; }

    /// <summary>The linked item's name.</summary>
    public string Name { get; init; } = "";

    /// <summary>When the link stops working, if ever.</summary>
    public DateTimeOffset? Expires { get; init; }

    /// <summary>The linked item's lower-cased path, when the caller can see it.</summary>
    public string? PathLower { get; init; }

    /// <summary>What the link allows.</summary>
    public LinkPermissions LinkPermissions { get; init; } = new();

    /// <summary>File links: revision.</summary>
    public string? Rev { get; init; }

    /// <summary>File links: size.</summary>
    public long? Size { get; init; }
}
