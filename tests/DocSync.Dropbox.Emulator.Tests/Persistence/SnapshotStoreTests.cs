using System.Net;
using System.Text.Json.Nodes;
using DocSync.Dropbox.Emulator.Model;
using DocSync.Dropbox.Emulator.Tests.Infrastructure;

namespace DocSync.Dropbox.Emulator.Tests.Persistence;

public sealed class SnapshotStoreTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "docsync-emulator-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public async Task DataDirectory_StateSurvivesARestart()
    {
        string token, rev, cursor;
        await using (var first = await DropboxEmulator.StartAsync(new EmulatorOptions { DataDirectory = _directory }))
        {
            using var http = new HttpClient { BaseAddress = first.BaseUri };
            token = first.MintToken(WorldSeeder.AliceEmail);
            var client = new ApiClient(http, token);
            rev = (await client.PutAsync("/kept/Facture été.pdf", "pdf bytes"))["rev"]!.GetValue<string>();
            await client.PutAsync("/kept/Facture été.pdf", "pdf bytes v2", "overwrite");
            cursor = (await client.RpcAsync("files/list_folder", new JsonObject { ["path"] = "", ["recursive"] = true })).Object["cursor"]!.GetValue<string>();
        }

        await using var second = await DropboxEmulator.StartAsync(new EmulatorOptions { DataDirectory = _directory });
        using var http2 = new HttpClient { BaseAddress = second.BaseUri };
        var again = new ApiClient(http2, token);
        var download = await again.DownloadAsync("/kept/facture été.pdf");
        var old = await again.DownloadAsync("rev:" + rev);
        await again.PutAsync("/after-restart.txt", "new");
        var changes = await again.RpcAsync("files/list_folder/continue", new JsonObject { ["cursor"] = cursor });

        download.Status.ShouldBe(HttpStatusCode.OK, download.ToString());
        download.Text.ShouldBe("pdf bytes v2");
        old.Text.ShouldBe("pdf bytes");
        changes.Object["entries"]!.AsArray().Select(e => e!["name"]!.GetValue<string>()).ShouldBe(["after-restart.txt"]);
        File.Exists(Path.Combine(_directory, "state.json")).ShouldBeTrue();
    }
}
