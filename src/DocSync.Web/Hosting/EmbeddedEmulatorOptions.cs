namespace DocSync.Web.Hosting;

/// <summary>
/// The Dropbox emulator DocSync can host in-process, so the whole product runs without a Dropbox
/// app; bound from <c>DocSync:Dropbox:Emulator</c>.
/// </summary>
public sealed class EmbeddedEmulatorOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "DocSync:Dropbox:Emulator";

    /// <summary>
    /// Whether to start the embedded emulator when no Dropbox app key is configured (with an app key
    /// it never starts). Default <see langword="true"/>.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Loopback port of the emulator; 0 picks a free one. Default 8180.</summary>
    public int Port { get; set; } = 8180;

    /// <summary>Folder the emulator keeps its state in. Default <c>data/emulator</c>.</summary>
    public string DataPath { get; set; } = Path.Combine("data", "emulator");
}
