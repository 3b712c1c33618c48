namespace DocSync.Dropbox.Emulator.Model;

/// <summary>
/// What a caller sees as its root: a store and a path prefix inside it. A personal home is the
/// whole store; a team member's home is "/Name" inside the team store; an app folder adds
/// "/Apps/&lt;app&gt;".
/// </summary>
public sealed record View(Store Store, string PrefixLower, string PrefixDisplay, string NamespaceId)
{
    /// <summary>True when an absolute store path is this view's root or lies below it.</summary>
    public bool Contains(string absLower) =>
        PrefixLower.Length == 0
        || absLower == PrefixLower
        || (absLower.StartsWith(PrefixLower, StringComparison.Ordinal) && absLower.Length > PrefixLower.Length
            && absLower[PrefixLower.Length] == '/');

    public string RelativeLower(string absLower) => absLower[PrefixLower.Length..];

    public string RelativeDisplay(string absDisplay) => absDisplay[PrefixDisplay.Length..];
}
