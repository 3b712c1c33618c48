namespace DocSync.Dropbox;

/// <summary>One page of <c>team/members/list_v2</c> or its continuation.</summary>
public sealed record TeamMembersPage
{
    /// <summary>The members on this page.</summary>
    public IReadOnlyList<TeamMember> Members { get; init; } = [];

    /// <summary>Where to continue from.</summary>
    public string Cursor { get; init; } = "";

    /// <summary>True when more members follow.</summary>
    public bool HasMore { get; init; }
}
