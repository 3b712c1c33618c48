using System.Globalization;
using System.Net;
using System.Net.Sockets;
using DocSync.Dropbox.Emulator.Admin;
using DocSync.Dropbox.Emulator.Model;
using DocSync.Web.Features.Connections;
using DocSync.Web.Hosting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DocSync.Web.Tests.Hosting;

/// <summary>
/// The embedded emulator is a stand-in for Dropbox on a developer's machine, never a door: it does
/// not run when a real app key is set, listens on loopback only, and its admin and webhook secrets are
/// this installation's own (random, kept across restarts).
/// </summary>
public sealed class EmbeddedEmulatorServiceTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "docsync-embedded-" + Guid.NewGuid().ToString("N"));
    private readonly CapturingLoggerProvider _logs = new();

    public void Dispose()
    {
        _logs.Dispose();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private EmbeddedEmulatorService Service(string installation, string? appKey = null, Uri? baseUri = null, int port = 0, bool enabled = true)
    {
        var root = Path.Combine(_folder, installation);
        var keys = Path.Combine(root, "keys");
        using var factory = LoggerFactory.Create(b => b.AddProvider(_logs));
        return new EmbeddedEmulatorService(
            Options.Create(new EmbeddedEmulatorOptions { Enabled = enabled, Port = port, DataPath = Path.Combine(root, "emulator") }),
            Options.Create(new DropboxAppOptions { AppKey = appKey, BaseUri = baseUri }),
            Options.Create(new WebOptions { KeysPath = keys }),
            DataProtectionProvider.Create(new DirectoryInfo(keys)),
            factory.CreateLogger<EmbeddedEmulatorService>());
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The local addresses something listens on at <paramref name="port"/> (Linux /proc/net/tcp and tcp6).</summary>
    private static List<string> Listeners(int port)
    {
        var found = new List<string>();
        foreach (var file in new[] { "/proc/net/tcp", "/proc/net/tcp6" }.Where(File.Exists))
        {
            foreach (var line in File.ReadLines(file).Skip(1))
            {
                var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                var local = parts[1].Split(':');
                if (parts[3] == "0A" && int.Parse(local[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture) == port)
                {
                    found.Add(local[0]);
                }
            }
        }
        return found;
    }

    [Fact]
    public async Task With_an_app_key_the_emulator_does_not_start_and_the_log_says_Dropbox_itself()
    {
        var port = FreePort();
        await using var service = Service("a", appKey: "real-app-key", port: port);

        await service.StartAsync(CancellationToken.None);

        service.BaseUri.ShouldBeNull();
        service.Emulator.ShouldBeNull();
        Listeners(port).ShouldBeEmpty();
        _logs.Lines.ShouldContain(l => l.Contains("talks to Dropbox itself with app key real-app-key", StringComparison.Ordinal));
        File.Exists(Path.Combine(_folder, "a", "keys", EmbeddedEmulatorSecrets.FileName)).ShouldBeFalse();
    }

    [Fact]
    public async Task With_an_app_key_and_a_base_uri_the_log_names_that_address()
    {
        await using var service = Service("a", appKey: "real-app-key", baseUri: new Uri("https://dropbox.test.example/"));

        await service.StartAsync(CancellationToken.None);

        service.BaseUri.ShouldBeNull();
        _logs.Lines.ShouldContain(l => l.Contains("talks to https://dropbox.test.example/ with app key real-app-key", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_an_app_key_it_listens_on_loopback_only_and_says_so()
    {
        var port = FreePort();
        await using var service = Service("a", port: port);

        await service.StartAsync(CancellationToken.None);

        service.BaseUri.ShouldBe(new Uri($"http://127.0.0.1:{port}/"));
        // 0100007F is 127.0.0.1 in /proc/net/tcp; nothing on 0.0.0.0, [::] or another address.
        Listeners(port).ShouldBe(["0100007F"]);
        _logs.Lines.ShouldContain(l => l.Contains($"talks to the embedded Dropbox emulator at http://127.0.0.1:{port}/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Disabled_without_an_app_key_the_log_says_no_Dropbox()
    {
        await using var service = Service("a", enabled: false);

        await service.StartAsync(CancellationToken.None);

        service.BaseUri.ShouldBeNull();
        _logs.Lines.ShouldContain(l => l.Contains("Dropbox: none", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Webhook_and_admin_secrets_are_random_per_installation_and_kept_across_restarts()
    {
        string appSecret, adminSecret;
        await using (var first = Service("a"))
        {
            await first.StartAsync(CancellationToken.None);
            appSecret = first.AppSecret.ShouldNotBeNull();
            adminSecret = first.AdminSecret.ShouldNotBeNull();
            lock (first.Emulator!.State.Gate)
            {
                first.Emulator.State.Apps[WorldSeeder.AppKey].Secret.ShouldBe(appSecret);
            }
        }

        await using var again = Service("a");
        await again.StartAsync(CancellationToken.None);
        await using var other = Service("b");
        await other.StartAsync(CancellationToken.None);

        appSecret.ShouldNotBe(WorldSeeder.AppSecret);
        appSecret.Length.ShouldBeGreaterThanOrEqualTo(32);
        again.AppSecret.ShouldBe(appSecret);
        again.AdminSecret.ShouldBe(adminSecret);
        lock (again.Emulator!.State.Gate)
        {
            again.Emulator.State.Apps[WorldSeeder.AppKey].Secret.ShouldBe(appSecret);
        }
        other.AppSecret.ShouldNotBe(appSecret);
        other.AdminSecret.ShouldNotBe(adminSecret);
        (await File.ReadAllTextAsync(Path.Combine(_folder, "a", "keys", EmbeddedEmulatorSecrets.FileName))).ShouldNotContain(appSecret);
    }

    [Fact]
    public async Task An_older_installation_with_the_public_dev_secret_gets_its_own()
    {
        // The emulator's data folder from before: seeded with the public development secret.
        var data = Path.Combine(_folder, "a", "emulator");
        await using (var old = await DocSync.Dropbox.Emulator.DropboxEmulator.StartAsync(new DocSync.Dropbox.Emulator.EmulatorOptions { DataDirectory = data }))
        {
            lock (old.State.Gate)
            {
                old.State.Apps[WorldSeeder.AppKey].Secret.ShouldBe(WorldSeeder.AppSecret);
            }
        }

        await using var service = Service("a");
        await service.StartAsync(CancellationToken.None);

        lock (service.Emulator!.State.Gate)
        {
            service.Emulator.State.Apps[WorldSeeder.AppKey].Secret.ShouldBe(service.AppSecret);
        }
        service.AppSecret.ShouldNotBe(WorldSeeder.AppSecret);
    }

    [Fact]
    public async Task Its_admin_api_refuses_a_call_without_the_secret()
    {
        await using var service = Service("a");
        await service.StartAsync(CancellationToken.None);
        using var http = new HttpClient { BaseAddress = service.BaseUri };
        using var body = new StringContent("""{"account":"alice@example.com","refresh":true}""", System.Text.Encoding.UTF8, "application/json");

        using var without = await http.PostAsync("_emulator/tokens", body);
        http.DefaultRequestHeaders.Add(AdminGuard.SecretHeader, service.AdminSecret);
        using var with = await http.PostAsync("_emulator/tokens", body);

        without.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        with.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
