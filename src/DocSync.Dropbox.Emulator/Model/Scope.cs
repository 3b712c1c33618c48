namespace DocSync.Dropbox.Emulator.Model;

/// <summary>OAuth scopes the emulator knows.</summary>
public static class Scope
{
    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        "account_info.read", "files.metadata.read", "files.metadata.write", "files.content.read",
        "files.content.write", "sharing.read", "sharing.write", "members.read", "team_data.member",
        "team_info.read", "files.permanent_delete",
    };
}
