namespace DocSync.Dropbox;

/// <summary>One member of <c>team/members/list_v2</c>.</summary>
public sealed record TeamMember
{
    /// <summary>The member's profile.</summary>
    public TeamMemberProfile Profile { get; init; } = new();

    /// <summary>The member's admin roles (empty for plain members).</summary>
    public IReadOnlyList<TeamMemberRole> Roles { get; init; } = [];
}
