using System.Text.Json.Serialization;
using DocSync.Dropbox.Json;

namespace DocSync.Dropbox;

/// <summary>The linked account (<c>users/get_current_account</c>).</summary>
public sealed record FullAccount
{
    /// <summary>The account id, <c>dbid:…</c>.</summary>
    public string AccountId { get; init; } = "";

    /// <summary>The person's names.</summary>
    public AccountName Name { get; init; } = new();

    /// <summary>Email address.</summary>
    public string Email { get; init; } = "";

    /// <summary>Whether the email is verified.</summary>
    public bool EmailVerified { get; init; }

    /// <summary>Whether the account is disabled.</summary>
    public bool Disabled { get; init; }

    /// <summary>ISO country code, when known.</summary>
    public string? Country { get; init; }

    /// <summary>The account's locale.</summary>
    public string Locale { get; init; } = "";

    /// <summary><c>basic</c>, <c>pro</c>, <c>business</c> or a newer tag.</summary>
    [JsonConverter(typeof(UnionTagConverter))]
    public string AccountType { get; init; } = "";

    /// <summary>The team, for team members.</summary>
    public AccountTeam? Team { get; init; }

    /// <summary>The member id (<c>dbmid:…</c>), for team members.</summary>
    public string? TeamMemberId { get; init; }

    /// <summary>Where the user's paths live (home and root namespaces).</summary>
    public RootInfo RootInfo { get; init; } = new();
}
