using DocSync.Dropbox.Emulator.Model;

namespace DocSync.Dropbox.Emulator.Wire;

/// <summary>Who is calling: the token, its app, and the account (or team) acted for, with its view.</summary>
public sealed record Caller(AccessToken? Token, AppRegistration App, Account? Account, Team? Team, View? View)
{
    public Account RequireAccount() => Account ?? throw new BadInputException("This route needs a user.");

    public View RequireView() => View ?? throw new BadInputException("This route needs a user.");
}
