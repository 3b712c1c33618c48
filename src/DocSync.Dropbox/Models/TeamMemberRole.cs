namespace DocSync.Dropbox;

/// <summary>An admin role of a team member.</summary>
public sealed record TeamMemberRole
{
    /// <summary>Role id.</summary>
    public string RoleId { get; init; } = "";

    /// <summary>Role name.</summary>
    public string Name { get; init; } = "";

    /// <summary>Role description.</summary>
    public string Description { get; init; } = "";
}
