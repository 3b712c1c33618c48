using System.Globalization;
using System.Runtime.InteropServices;
using DocSync.Dropbox.Emulator;
using DocSync.Dropbox.Emulator.Model;

var options = new EmulatorOptions { Port = 8180, AdminSecret = NullIfEmpty(Environment.GetEnvironmentVariable("DOCSYNC_EMULATOR_ADMIN_SECRET")) };
var printTokens = true;
for (var i = 0; i < args.Length; i++)
{
    string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
    switch (args[i])
    {
        case "--port": options.Port = int.Parse(Next(), CultureInfo.InvariantCulture); break;
        case "--https": options.HttpsPort ??= 0; break;
        case "--https-port": options.HttpsPort = int.Parse(Next(), CultureInfo.InvariantCulture); break;
        case "--bind": options.BindAddress = Next(); break;
        case "--data": options.DataDirectory = Path.GetFullPath(Next()); break;
        case "--seed": options.Seed = int.Parse(Next(), CultureInfo.InvariantCulture); break;
        case "--cert": options.CertificatePath = Next(); break;
        case "--cert-password": options.CertificatePassword = Next(); break;
        case "--redirect-uri": options.RedirectUris.Add(Next()); break;
        case "--token-lifetime": options.AccessTokenLifetime = TimeSpan.FromSeconds(int.Parse(Next(), CultureInfo.InvariantCulture)); break;
        case "--no-tokens": printTokens = false; break;
        case "--admin-secret": options.AdminSecret = Next(); break;
        case "--forwarded-headers": options.TrustForwardedHeaders = true; break;
        case "--help" or "-h":
            Console.WriteLine("""
                DocSync Dropbox emulator
                  --port N             plain HTTP port on loopback (default 8180; 0 = any)
                  --https              also serve HTTPS (port chosen automatically) with a generated dev CA
                  --https-port N       serve HTTPS on port N
                  --bind ADDRESS       address to bind (default 127.0.0.1)
                  --data DIR           keep state in DIR across restarts (default: memory only)
                  --seed N             seed for ids and fault draws (default 1)
                  --cert FILE.pfx      serve HTTPS with this certificate   --cert-password P
                  --redirect-uri URI   register an OAuth redirect URI for the seeded apps (repeatable)
                  --token-lifetime S   lifetime of OAuth access tokens in seconds (default 14400)
                  --no-tokens          do not mint and print a developer token per account
                  --forwarded-headers  build links from X-Forwarded-Proto/Host (behind a TLS front)
                  --admin-secret S     the secret /_emulator/ calls must send (header X-Emulator-Admin-Secret);
                                       also DOCSYNC_EMULATOR_ADMIN_SECRET; default a random one, printed at start
                """);
            return 0;
        default:
            Console.Error.WriteLine($"Unknown option {args[i]}; see --help.");
            return 2;
    }
}

DropboxEmulator emulator;
try
{
    emulator = await DropboxEmulator.StartAsync(options);
}
catch (Exception e) when (e is IOException or ArgumentException)
{
    // Typically a port already in use: say so in one line, not with a stack trace.
    Console.Error.WriteLine($"The emulator could not start: {e.Message}");
    return 1;
}
await using var running = emulator;
Console.WriteLine($"Dropbox emulator listening on {emulator.BaseUri}");
if (emulator.HttpsBaseUri is not null)
{
    Console.WriteLine($"HTTPS on {emulator.HttpsBaseUri} (trust the CA at {emulator.BaseUri}_emulator/ca.pem)");
}
if (options.AdminSecret is null)
{
    Console.WriteLine($"Admin API secret (header {DocSync.Dropbox.Emulator.Admin.AdminGuard.SecretHeader}): {emulator.AdminSecret}");
}
Console.WriteLine($"Apps: {WorldSeeder.AppKey} / {WorldSeeder.AppSecret} (full Dropbox), {WorldSeeder.AppFolderKey} / {WorldSeeder.AppFolderSecret} (app folder)");
if (printTokens)
{
    foreach (var email in new[] { WorldSeeder.AliceEmail, WorldSeeder.BobEmail, WorldSeeder.CarolEmail, WorldSeeder.DaveEmail })
    {
        try
        {
            Console.WriteLine($"  {email,-22} token: {emulator.MintToken(email)}");
        }
        catch (InvalidOperationException)
        {
            // A restored data folder may not hold the seeded accounts.
        }
    }
}
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
AppDomain.CurrentDomain.ProcessExit += (_, _) =>
{
    // Also raised after Main has returned and disposed `stop`.
    if (!stop.IsCancellationRequested)
    {
        stop.Cancel();
    }
};
// The web host's console lifetime takes SIGTERM for itself (it stops the host and cancels the
// default exit, so ProcessExit never comes): without this, `kill PID` leaves the process waiting forever.
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    stop.Cancel();
});
try
{
    await Task.Delay(Timeout.Infinite, stop.Token);
}
catch (OperationCanceledException)
{
}
return 0;

static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
