namespace DocSync.Dropbox.Emulator.Model;

/// <summary>
/// The default world: two apps (full Dropbox and app folder), two personal accounts and a team
/// with an admin, a member and a team folder.
/// </summary>
public static class WorldSeeder
{
    public const string AppKey = "docsync-dev-app";
    public const string AppSecret = "docsync-dev-secret";
    public const string AppFolderKey = "docsync-appfolder-app";
    public const string AppFolderSecret = "docsync-appfolder-secret";
    public const string AliceEmail = "alice@example.com";
    public const string BobEmail = "bob@example.com";
    public const string CarolEmail = "carol@acme.example";
    public const string DaveEmail = "dave@acme.example";
    public const string TeamName = "Acme Accounting";
    public const string TeamFolder = "/Acme Shared";

    public static void Seed(EmulatorState state)
    {
        state.AddApp(AppKey, state.Options.AppSecret ?? AppSecret, "DocSync", appFolder: false);
        state.AddApp(AppFolderKey, AppFolderSecret, "DocSync", appFolder: true);
        state.AddAccount(AliceEmail, "Alice", "Martin");
        state.AddAccount(BobEmail, "Bob", "Peeters", "pro");
        var team = state.AddTeam(TeamName);
        state.AddTeamMember(team, CarolEmail, "Carol", "Dubois", admin: true);
        state.AddTeamMember(team, DaveEmail, "Dave", "Janssens", admin: false);
        var store = state.Stores[team.RootNamespaceId];
        store.Add(new Node { Id = state.NewFileId(), IsFolder = true, PathLower = TeamFolder.ToLowerInvariant(), PathDisplay = TeamFolder });
        state.Namespaces.Add(state.NewNamespaceId(), new NamespaceLocation(store.NamespaceId, TeamFolder.ToLowerInvariant(), TeamFolder));
    }

    public static Account AccountByEmail(EmulatorState state, string email) =>
        state.Accounts.Values.First(a => string.Equals(a.Email, email, StringComparison.OrdinalIgnoreCase));
}
