namespace DocSync.Dropbox;

/// <summary>A person's names as Dropbox holds them.</summary>
public sealed record AccountName
{
    /// <summary>Given name.</summary>
    public string GivenName { get; init; } = "";

    /// <summary>Surname.</summary>
    public string Surname { get; init; } = "";

    /// <summary>Name used in greetings.</summary>
    public string FamiliarName { get; init; } = "";

    /// <summary>Full display name.</summary>
    public string DisplayName { get; init; } = "";

    /// <summary>Initials.</summary>
    public string AbbreviatedName { get; init; } = "";
}
