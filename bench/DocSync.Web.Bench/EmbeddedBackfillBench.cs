using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DocSync.Core.Access;
using DocSync.Core.Companies;
using DocSync.Core.Connections;
using DocSync.Core.Export;
using DocSync.Core.Sync;
using DocSync.Core.Persistence;
using DocSync.Dropbox.Emulator.Admin;
using DocSync.Web.Hosting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DocSync.Web.Bench;

/// <summary>
/// The server's memory while it backfills to the emulator it embeds: the built DocSync.Web.dll as a
/// child process (SQLite, the embedded emulator with its data folder, the export worker on), documents
/// created through the API, then a connection to the emulator's Alice and an export profile (PDF + UBL)
/// made with DocSync.Core on the server's database and key ring, as the UI would. The server's RSS is
/// read idle (before), sampled during the backfill (and its VmHWM), and read again once it has settled.
/// </summary>
internal static class EmbeddedBackfillBench
{
    private const long MiB = 1024 * 1024;

    public static async Task<bool> RunAsync(string dll, int documents, int clients, int pdfBytes, double settleSeconds)
    {
        var folder = Directory.CreateTempSubdirectory("docsync-embedded-bench-").FullName;
        var keys = Path.Combine(folder, "keys");
        var emulatorPort = ServerProcess.FreePort();
        var settings = new Dictionary<string, string>
        {
            ["DocSync:Database:Provider"] = "Sqlite",
            ["DocSync:Database:ConnectionString"] = $"Data Source={Path.Combine(folder, "docsync.db")}",
            ["DocSync:Blobs:RootPath"] = Path.Combine(folder, "blobs"),
            ["DocSync:Web:KeysPath"] = keys,
            ["DocSync:Dropbox:Emulator:Enabled"] = "true",
            ["DocSync:Dropbox:Emulator:Port"] = emulatorPort.ToString(CultureInfo.InvariantCulture),
            ["DocSync:Dropbox:Emulator:DataPath"] = Path.Combine(folder, "emulator"),
            ["DocSync:Export:Enabled"] = "true",
            ["DocSync:Collect:Enabled"] = "false",
            ["DocSync:Reading:ReadInboxUploads"] = "false",
        };

        await using var server = await ServerProcess.StartAsync(dll, folder, settings);
        Console.WriteLine($"[embedded] server {server.BaseUri} (child process), embedded emulator on 127.0.0.1:{emulatorPort}, folder {folder}");
        var companyId = await Provisioner.SetUpAsync(server.BaseUri);
        var apiKey = await Provisioner.CreateApiKeyAsync(settings, companyId);

        using (var load = new LoadRunner(server.BaseUri, apiKey, clients, pdfBytes))
        {
            var made = await load.RunCountAsync("bf", documents);
            Console.WriteLine($"[embedded] {made.Created.Count} documents created through the API in {made.Elapsed.TotalSeconds:F1} s ({made.Errors} errors)");
            if (made.Created.Count != documents)
            {
                return false;
            }
        }

        await Task.Delay(TimeSpan.FromSeconds(settleSeconds));
        var idle = server.RssBytes;
        Console.WriteLine($"[embedded] idle RSS before the backfill: {idle / MiB} MiB");

        // The emulator's admin API answers only with this installation's secret, which the server keeps in its key ring.
        var protection = DataProtectionProvider.Create(new DirectoryInfo(keys), b => b.SetApplicationName("DocSync"));
        var secrets = EmbeddedEmulatorSecrets.LoadOrCreate(keys, protection);
        using var admin = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{emulatorPort}/") };
        admin.DefaultRequestHeaders.Add(AdminGuard.SecretHeader, secrets.AdminSecret);
        using var minted = await admin.PostAsJsonAsync("_emulator/tokens", new { account = "alice@example.com", refresh = true });
        var grant = (await minted.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonObject>())!;
        var accounts = (await admin.GetFromJsonAsync<JsonArray>("_emulator/accounts"))!;
        var home = accounts.Select(a => a!.AsObject()).Single(a => (string?)a["email"] == "alice@example.com")["home_namespace_id"]!.GetValue<string>();

        server.ResetPeak();
        var peak = server.RssBytes;
        var started = DateTimeOffset.UtcNow;
        await LinkAndCreateProfileAsync(settings, keys, companyId, grant["account_id"]!.GetValue<string>(), grant["refresh_token"]!.GetValue<string>());
        var expected = documents * 2L;
        long files = 0;
        long previous = -1;
        var stableSince = DateTimeOffset.UtcNow;
        var deadline = DateTimeOffset.UtcNow.AddMinutes(30);
        while (DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(250);
            peak = Math.Max(peak, server.RssBytes);
            var state = (await admin.GetFromJsonAsync<JsonObject>("_emulator/state"))!;
            files = state["stores"]!.AsArray().Select(s => s!.AsObject()).Single(s => (string?)s["namespace_id"] == home)["items"]!.GetValue<long>();
            if (files != previous)
            {
                previous = files;
                stableSince = DateTimeOffset.UtcNow;
            }
            else if (files >= expected && DateTimeOffset.UtcNow - stableSince > TimeSpan.FromSeconds(3))
            {
                break;
            }
        }
        var elapsed = DateTimeOffset.UtcNow - started;
        peak = Math.Max(peak, server.PeakRssBytes);
        Console.WriteLine($"[embedded] backfill: {files} items in the emulator (files and folders; {expected} files expected) in {elapsed.TotalSeconds:F0} s; peak RSS {peak / MiB} MiB");

        await Task.Delay(TimeSpan.FromSeconds(settleSeconds));
        var after = server.RssBytes;
        var failures = server.Failures();
        Console.WriteLine($"[embedded] RSS {settleSeconds:F0} s after the backfill: {after / MiB} MiB; server log: {failures.Count} error entries");
        var ok = files >= expected && peak < 500 * MiB && after - idle < 100 * MiB && failures.Count == 0;
        Console.WriteLine();
        Console.WriteLine("| documents | files | backfill | idle RSS | peak RSS | RSS after | goal |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        Console.WriteLine($"| {documents:N0} | {expected:N0} | {elapsed.TotalSeconds:F0} s | {idle / MiB} MiB | {peak / MiB} MiB | {after / MiB} MiB | peak < 500 MiB, after ≤ idle + 100 MiB: {(ok ? "met" : "NOT met")} |");
        return ok;
    }

    private sealed class NoDropbox : IDropboxConnector
    {
        public DocSync.Dropbox.DropboxClient Connect(DropboxConnection connection, string refreshToken) =>
            throw new NotSupportedException("The bench process does not talk to Dropbox; the server does.");
    }

    private static async Task LinkAndCreateProfileAsync(Dictionary<string, string> settings, string keys, Guid companyId, string accountId, string refreshToken)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build();
        var services = new ServiceCollection().AddLogging().AddDocSyncCore(configuration);
        services.AddDataProtection().SetApplicationName("DocSync").PersistKeysToFileSystem(new DirectoryInfo(keys));
        // Saving a profile wakes this process's export worker, which never runs here: the server's worker picks the work up.
        services.AddSingleton<IDropboxConnector, NoDropbox>();
        await using var provider = services.BuildServiceProvider();
        Guid ownerId;
        await using (var unit = provider.CreateAsyncScope())
        {
            ownerId = await unit.ServiceProvider.GetRequiredService<DocSyncDbContext>().Users
                .Where(u => u.NormalizedEmail == "OWNER@BENCH.EXAMPLE").Select(u => u.Id).SingleAsync();
        }
        var owner = new CompanyScope(companyId, Actor.Person(ownerId), RoleRights.For(CompanyRole.Owner));
        Guid connectionId;
        await using (var unit = provider.CreateAsyncScope())
        {
            unit.ServiceProvider.GetRequiredService<CompanyContext>().Enter(owner);
            connectionId = (await unit.ServiceProvider.GetRequiredService<ConnectionService>().LinkAsync(
                new LinkRequest("Accounting", "/DocSync", accountId, "alice@example.com", "Alice Martin", null, false, true, refreshToken))).Id;
        }
        await using (var unit = provider.CreateAsyncScope())
        {
            unit.ServiceProvider.GetRequiredService<CompanyContext>().Enter(owner);
            await unit.ServiceProvider.GetRequiredService<ExportService>().CreateProfileAsync(connectionId, new ExportProfileInput
            {
                Name = "Sales",
                DocumentTypes = [Core.Documents.DocumentType.Invoice, Core.Documents.DocumentType.CreditNote],
                PathTemplate = Core.Export.Paths.ExportPathPresets.ByYearThenType,
                IncludeUbl = true,
            });
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}
