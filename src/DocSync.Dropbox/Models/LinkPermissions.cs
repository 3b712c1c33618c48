using System.Text.Json.Serialization;
using DocSync.Dropbox.Json;

namespace DocSync.Dropbox;

/// <summary>What a shared link allows.</summary>
public sealed record LinkPermissions
{
    /// <summary><c>public</c>, <c>team_only</c>, <c>password</c>, … as resolved.</summary>
    [JsonConverter(typeof(UnionTagConverter))]
    public string? ResolvedVisibility { get; init; }

    /// <summary>Whether the caller may revoke the link.</summary>
    public bool CanRevoke { get; init; }

    /// <summary>Whether the link allows downloads.</summary>
    public bool AllowDownload { get; init; }

    /// <summary><c>public</c>, <c>team</c>, <c>no_one</c>, <c>password</c>, …</summary>
    [JsonConverter(typeof(UnionTagConverter))]
    public string? EffectiveAudience { get; init; }

    /// <summary><c>viewer</c>, <c>editor</c>, …</summary>
    [JsonConverter(typeof(UnionTagConverter))]
    public string? LinkAccessLevel { get; init; }

    /// <summary>Whether a password is required.</summary>
    public bool? RequirePassword { get; init; }
}
