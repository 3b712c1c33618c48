namespace DocSync.Dropbox;

/// <summary>The team of a team member's account.</summary>
public sealed record AccountTeam
{
    /// <summary>Team id.</summary>
    public string Id { get; init; } = "";

    /// <summary>Team name.</summary>
    public string Name { get; init; } = "";
}
