namespace DocSync.Web.Features.Connections;

/// <summary>The Dropbox app DocSync links accounts with; bound from <c>DocSync:Dropbox</c>.</summary>
public sealed class DropboxAppOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "DocSync:Dropbox";

    /// <summary>The app key from the Dropbox App Console. Empty (the default): the embedded emulator is offered instead.</summary>
    public string? AppKey { get; set; }

    /// <summary>The app secret. Optional: without it DocSync uses PKCE alone.</summary>
    public string? AppSecret { get; set; }

    /// <summary>
    /// Where Dropbox is, when not at its usual addresses: one origin serving the API, content,
    /// notify and OAuth hosts (a stand-alone emulator, a test double). Empty: Dropbox itself.
    /// </summary>
    public Uri? BaseUri { get; set; }

    /// <summary>Whether the app is an app-folder app. Default <see langword="false"/> (full Dropbox).</summary>
    public bool AppFolder { get; set; }
}
