using System.Text.Json.Serialization;

namespace DocSync.Dropbox;

/// <summary>A storage allocation (<c>.tag</c> <c>individual</c> or <c>team</c>).</summary>
public sealed record SpaceAllocation
{
    /// <summary><c>individual</c>, <c>team</c> or a newer tag.</summary>
    [JsonPropertyName(".tag")]
    public string Kind { get; init; } = "";

    /// <summary>Bytes allocated (the team's total for a team).</summary>
    public long Allocated { get; init; }

    /// <summary>Bytes the whole team uses (team only).</summary>
    public long? Used { get; init; }
}
