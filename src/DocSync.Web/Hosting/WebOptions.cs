namespace DocSync.Web.Hosting;

/// <summary>The web host's settings; bound from <c>DocSync:Web</c> and validated on start.</summary>
public sealed class WebOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "DocSync:Web";

    /// <summary>Largest request body the API and the upload forms accept, in bytes. Default 50 MiB.</summary>
    public long MaxUploadBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>Most file parts in one API multipart request (each is spooled to a temporary file). Default 100; 1 to 10,000.</summary>
    public int MaxFileParts { get; set; } = 100;

    /// <summary>Most values (fields and files) in one submitted web form. Default 1,024; 16 to 100,000.</summary>
    public int MaxFormValues { get; set; } = 1024;

    /// <summary>
    /// Whether first-run setup also creates a demo company filled with a few dozen sample documents
    /// (with PDFs) for the new owner. Default <see langword="false"/>; the setup page offers it too.
    /// </summary>
    public bool Demo { get; set; }

    /// <summary>Where the keys that protect cookies and secrets at rest are kept. Default <c>data/keys</c>.</summary>
    public string KeysPath { get; set; } = Path.Combine("data", "keys");

    /// <summary>
    /// A PKCS#12 (.pfx) certificate that encrypts the key ring at rest, so a copy of
    /// <see cref="KeysPath"/> alone opens nothing. Default none (the keys are stored unencrypted,
    /// protected by file permissions only; DocSync logs a warning).
    /// </summary>
    public string? KeysCertificatePath { get; set; }

    /// <summary>The password of <see cref="KeysCertificatePath"/>.</summary>
    public string? KeysCertificatePassword { get; set; }

    /// <summary>
    /// DocSync's public address (e.g. <c>https://docsync.example.be/</c>). Every absolute link
    /// (invitations, the Dropbox OAuth redirect, e-mails) is built from it, never from a request's
    /// Host header. Default: the first of <c>Urls</c> (a wildcard host read as <c>localhost</c>).
    /// </summary>
    public Uri? PublicUri { get; set; }

    /// <summary>
    /// Whether DocSync sits behind a reverse proxy that terminates HTTPS: then <c>X-Forwarded-For</c>
    /// and <c>X-Forwarded-Proto</c> from <see cref="KnownProxies"/> are trusted (cookies get
    /// <c>Secure</c>, HSTS is sent). Default <see langword="false"/>.
    /// </summary>
    public bool BehindProxy { get; set; }

    /// <summary>The proxies' addresses trusted when <see cref="BehindProxy"/> is on. Default loopback only.</summary>
    public List<string> KnownProxies { get; set; } = [];
}
