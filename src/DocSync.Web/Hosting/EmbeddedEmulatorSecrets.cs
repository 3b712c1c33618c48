using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace DocSync.Web.Hosting;

/// <summary>
/// This installation's own secrets for the embedded emulator: the one its admin API requires and the
/// development app's secret (which signs its webhooks). Made once at random, kept in the key folder
/// encrypted with the key ring (owner-only file), the same at every start.
/// </summary>
/// <param name="AdminSecret">What every <c>/_emulator/</c> call must carry.</param>
/// <param name="AppSecret">The secret of the emulator's development app.</param>
public sealed record EmbeddedEmulatorSecrets(string AdminSecret, string AppSecret)
{
    /// <summary>The file name under the key folder.</summary>
    public const string FileName = "emulator-secrets.bin";

    private const string Purpose = "DocSync.EmbeddedEmulator.Secrets";

    /// <summary>Reads the installation's secrets, making and saving them the first time (or when the saved ones can no longer be read).</summary>
    /// <param name="keysPath">The key folder.</param>
    /// <param name="protection">The key ring.</param>
    public static EmbeddedEmulatorSecrets LoadOrCreate(string keysPath, IDataProtectionProvider protection)
    {
        ArgumentNullException.ThrowIfNull(protection);
        var protector = protection.CreateProtector(Purpose);
        var path = Path.Combine(keysPath, FileName);
        if (File.Exists(path))
        {
            try
            {
                var saved = JsonSerializer.Deserialize<EmbeddedEmulatorSecrets>(protector.Unprotect(File.ReadAllBytes(path)));
                if (saved is { AdminSecret.Length: >= 16, AppSecret.Length: >= 16 })
                {
                    return saved;
                }
            }
            catch (Exception e) when (e is CryptographicException or JsonException)
            {
                // The key ring that wrote it is gone: the emulator is local, new secrets do.
            }
        }

        var secrets = new EmbeddedEmulatorSecrets(NewSecret(), NewSecret());
        Directory.CreateDirectory(keysPath);
        var temp = path + ".tmp";
        var bytes = protector.Protect(JsonSerializer.SerializeToUtf8Bytes(secrets));
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        using (var stream = new FileStream(temp, options))
        {
            stream.Write(bytes);
            stream.Flush(flushToDisk: true);
        }
        File.Move(temp, path, overwrite: true);
        return secrets;
    }

    /// <summary>Never shows the secrets (a record would print them).</summary>
    public override string ToString() => nameof(EmbeddedEmulatorSecrets);

    private static string NewSecret() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
}
