using System.Text.Json.Serialization;

namespace DocSync.Dropbox;

/// <summary>The user's root and home namespaces (<c>.tag</c> <c>user</c> or <c>team</c>).</summary>
public sealed record RootInfo
{
    /// <summary><c>user</c> or <c>team</c> (or a newer tag).</summary>
    [JsonPropertyName(".tag")]
    public string Kind { get; init; } = "";

    /// <summary>The namespace at the top of the user's tree (the team space for team members).</summary>
    public string RootNamespaceId { get; init; } = "";

    /// <summary>The user's home namespace.</summary>
    public string HomeNamespaceId { get; init; } = "";

    /// <summary>Where home sits in the team space (team members only), e.g. <c>/Carol Dubois</c>.</summary>
    public string? HomePath { get; init; }
}
