using System.Text.Json.Serialization;
using DocSync.Dropbox.Json;

namespace DocSync.Dropbox;

/// <summary>A team member's profile.</summary>
public sealed record TeamMemberProfile
{
    /// <summary>The member id (<c>dbmid:…</c>), for <c>Dropbox-API-Select-User</c>.</summary>
    public string TeamMemberId { get; init; } = "";

    /// <summary>The account id, once the member has joined.</summary>
    public string? AccountId { get; init; }

    /// <summary>Email address.</summary>
    public string Email { get; init; } = "";

    /// <summary>Whether the email is verified.</summary>
    public bool EmailVerified { get; init; }

    /// <summary><c>active</c>, <c>invited</c>, <c>suspended</c>, <c>removed</c> or a newer tag.</summary>
    [JsonConverter(typeof(UnionTagConverter))]
    public string Status { get; init; } = "";

    /// <summary>Names.</summary>
    public AccountName Name { get; init; } = new();

    /// <summary><c>full</c>, <c>limited</c> or a newer tag.</summary>
    [JsonConverter(typeof(UnionTagConverter))]
    public string MembershipType { get; init; } = "";

    /// <summary>When the member joined.</summary>
    public DateTimeOffset? JoinedOn { get; init; }

    /// <summary>The member's home namespace.</summary>
    public string? MemberFolderId { get; init; }

    /// <summary>The team's root namespace.</summary>
    public string? RootFolderId { get; init; }
}
