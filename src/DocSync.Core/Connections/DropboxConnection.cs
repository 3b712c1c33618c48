using DocSync.Core.Access;

namespace DocSync.Core.Connections;

/// <summary>One linked Dropbox account of a company, named by the company ("Accounting Dropbox").</summary>
public sealed class DropboxConnection : ICompanyScoped
{
    /// <summary>Its id.</summary>
    public Guid Id { get; set; }

    /// <inheritdoc />
    public Guid CompanyId { get; set; }

    /// <summary>The company's name for it; unique in the company.</summary>
    public required string Name { get; set; }

    /// <summary>The Dropbox account id (<c>dbid:…</c>).</summary>
    public required string AccountId { get; set; }

    /// <summary>The account's e-mail, for people to recognise it.</summary>
    public required string AccountEmail { get; set; }

    /// <summary>The account's display name.</summary>
    public required string AccountName { get; set; }

    /// <summary>The team id when the account belongs to a Dropbox team.</summary>
    public string? TeamId { get; set; }

    /// <summary>Whether the Dropbox app is an app-folder app (everything lives under /Apps/&lt;app&gt;).</summary>
    public bool AppFolder { get; set; }

    /// <summary>The folder DocSync works under, e.g. <c>/DocSync</c> (empty: the account's root).</summary>
    public required string RootFolder { get; set; }

    /// <summary>Whether this connection is to the emulator DocSync embeds rather than to Dropbox.</summary>
    public bool Emulated { get; set; }

    /// <summary>State.</summary>
    public ConnectionState State { get; set; }

    /// <summary>The refresh token, encrypted (never stored or logged in clear).</summary>
    public string? ProtectedRefreshToken { get; set; }

    /// <summary>Why the connection stopped, for people.</summary>
    public string? LastError { get; set; }

    /// <summary>When it stopped.</summary>
    public DateTimeOffset? LastErrorAt { get; set; }

    /// <summary>When it was linked (or linked again).</summary>
    public DateTimeOffset LinkedAt { get; set; }

    /// <summary>Who linked it.</summary>
    public Guid LinkedBy { get; set; }

    /// <summary>When it was created.</summary>
    public DateTimeOffset CreatedAt { get; set; }
}
