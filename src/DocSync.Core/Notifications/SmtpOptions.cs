namespace DocSync.Core.Notifications;

/// <summary>The mail server DocSync tells people things through (<c>DocSync:Smtp</c>); no host: no e-mail, the UI alone says it.</summary>
public sealed class SmtpOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "DocSync:Smtp";

    /// <summary>The server's host name; empty (the default) turns e-mail off.</summary>
    public string? Host { get; set; }

    /// <summary>Its port. Default 587 (submission with STARTTLS).</summary>
    public int Port { get; set; } = 587;

    /// <summary><c>StartTls</c> (default), <c>SslOnConnect</c> (port 465) or <c>None</c> (a relay on the same machine only).</summary>
    public string Security { get; set; } = "StartTls";

    /// <summary>The user to sign in as, if the server wants one.</summary>
    public string? User { get; set; }

    /// <summary>Its password.</summary>
    public string? Password { get; set; }

    /// <summary>The sender, e.g. <c>DocSync &lt;docsync@example.be&gt;</c>.</summary>
    public string From { get; set; } = "DocSync <docsync@localhost>";

    /// <summary>DocSync's public address, for links in messages, e.g. <c>https://docsync.example.be</c>.</summary>
    public Uri? PublicUri { get; set; }
}
