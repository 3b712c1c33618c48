using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using DocSync.Dropbox.Emulator.Model;
using DocSync.Dropbox.Emulator.Tests.Infrastructure;

namespace DocSync.Dropbox.Emulator.Tests.Persistence;

/// <summary>
/// The state is a snapshot plus an append-only journal: a change appends its difference (the
/// snapshot is not rewritten), the journal is folded into a new snapshot when it grows, and a crash
/// at any point (a torn last record, a journal of an older snapshot) loses nothing that was written.
/// </summary>
public sealed class JournalTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "docsync-journal-" + Guid.NewGuid().ToString("N"));

    private string Data => Path.Combine(_root, "data");

    private string StatePath(string dir) => Path.Combine(dir, "state.json");

    private string JournalPath(string dir) => Path.Combine(dir, "state.journal");

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    /// <summary>What a crash leaves: the data folder's files as they are on disk now, the process still running.</summary>
    private string CrashCopy(string name)
    {
        var copy = Path.Combine(_root, name);
        foreach (var file in Directory.EnumerateFiles(Data, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(Data, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            using var source = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var destination = File.Create(target);
            source.CopyTo(destination);
        }
        return copy;
    }

    private static string Hash(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));

    private static async Task<List<string>> NamesAsync(DropboxEmulator emulator, string token)
    {
        using var http = new HttpClient { BaseAddress = emulator.BaseUri };
        var list = await new ApiClient(http, token).RpcAsync("files/list_folder", new JsonObject { ["path"] = "/docs" });
        list.Status.ShouldBe(HttpStatusCode.OK, list.ToString());
        return [.. list.Object["entries"]!.AsArray().Select(e => e!["name"]!.GetValue<string>()).Order(StringComparer.Ordinal)];
    }

    [Fact]
    public async Task Changes_AppendToTheJournal_AndTheSnapshotIsNotRewritten()
    {
        await using var emulator = await DropboxEmulator.StartAsync(new EmulatorOptions { DataDirectory = Data });
        var token = emulator.MintToken(WorldSeeder.AliceEmail);
        emulator.Persist();
        var snapshotBefore = Hash(StatePath(Data));
        var journalBefore = new FileInfo(JournalPath(Data)).Length;
        using var http = new HttpClient { BaseAddress = emulator.BaseUri };
        var alice = new ApiClient(http, token);

        for (var i = 0; i < 20; i++)
        {
            await alice.PutAsync($"/docs/file-{i:D2}.txt", "content " + i);
            emulator.Persist();
        }

        Hash(StatePath(Data)).ShouldBe(snapshotBefore);
        var journal = File.ReadAllLines(JournalPath(Data));
        journal.Length.ShouldBeGreaterThanOrEqualTo(21); // the header and one record per change
        new FileInfo(JournalPath(Data)).Length.ShouldBeGreaterThan(journalBefore);
        // A record carries the change, not the world: far smaller than the snapshot.
        journal.Skip(1).Max(l => l.Length).ShouldBeLessThan((int)new FileInfo(StatePath(Data)).Length);
    }

    [Fact]
    public async Task Crash_AfterJournalRecords_ReplaysThem()
    {
        string token;
        string crashed;
        await using (var emulator = await DropboxEmulator.StartAsync(new EmulatorOptions { DataDirectory = Data }))
        {
            token = emulator.MintToken(WorldSeeder.AliceEmail);
            using var http = new HttpClient { BaseAddress = emulator.BaseUri };
            var alice = new ApiClient(http, token);
            await alice.PutAsync("/docs/a.txt", "a");
            emulator.Persist();
            await alice.PutAsync("/docs/b.txt", "b");
            await alice.PutAsync("/docs/a.txt", "a2", "overwrite");
            await alice.RpcAsync("files/delete_v2", new JsonObject { ["path"] = "/docs/b.txt" });
            await alice.PutAsync("/docs/c.txt", "c");
            emulator.Persist();
            crashed = CrashCopy("crashed");
        }

        await using var again = await DropboxEmulator.StartAsync(new EmulatorOptions { DataDirectory = crashed });
        using var http2 = new HttpClient { BaseAddress = again.BaseUri };
        var client = new ApiClient(http2, token);

        (await NamesAsync(again, token)).ShouldBe(["a.txt", "c.txt"]);
        (await client.DownloadAsync("/docs/a.txt")).Text.ShouldBe("a2");
        var revisions = await client.RpcAsync("files/list_revisions", new JsonObject { ["path"] = "/docs/a.txt" });
        revisions.Object["entries"]!.AsArray().Count.ShouldBe(2);
        var deleted = await client.RpcAsync("files/get_metadata", new JsonObject { ["path"] = "/docs/b.txt", ["include_deleted"] = true });
        deleted.Object[".tag"]!.GetValue<string>().ShouldBe("deleted");
    }

    [Fact]
    public async Task TornLastRecord_IsDroppedAndCutOff_AndEverythingBeforeItIsKept()
    {
        string token;
        string crashed;
        await using (var emulator = await DropboxEmulator.StartAsync(new EmulatorOptions { DataDirectory = Data }))
        {
            token = emulator.MintToken(WorldSeeder.AliceEmail);
            using var http = new HttpClient { BaseAddress = emulator.BaseUri };
            await new ApiClient(http, token).PutAsync("/docs/kept.txt", "kept");
            emulator.Persist();
            crashed = CrashCopy("torn");
        }
        // The process died halfway through appending the next record.
        var goodLength = new FileInfo(JournalPath(crashed)).Length;
        await File.AppendAllTextAsync(JournalPath(crashed), """{"Stores":[{"NamespaceId":"1000001","Nodes":[{"Id":"id:tor""", Encoding.UTF8);

        await using (var again = await DropboxEmulator.StartAsync(new EmulatorOptions { DataDirectory = crashed }))
        {
            (await NamesAsync(again, token)).ShouldBe(["kept.txt"]);
            new FileInfo(JournalPath(crashed)).Length.ShouldBe(goodLength);
            using var http = new HttpClient { BaseAddress = again.BaseUri };
            await new ApiClient(http, token).PutAsync("/docs/after.txt", "after");
            again.Persist();
        }

        // Appends after the cut start on a clean line: a third start reads them all.
        await using var third = await DropboxEmulator.StartAsync(new EmulatorOptions { DataDirectory = crashed });
        (await NamesAsync(third, token)).ShouldBe(["after.txt", "kept.txt"]);
    }

    [Fact]
    public async Task Journal_GrowingPastItsLimit_IsFoldedIntoANewSnapshot()
    {
        var options = new EmulatorOptions { DataDirectory = Data, JournalCompactionBytes = 16 * 1024 };
        string token;
        await using (var emulator = await DropboxEmulator.StartAsync(options))
        {
            token = emulator.MintToken(WorldSeeder.AliceEmail);
            emulator.Persist();
            var firstSnapshot = Hash(StatePath(Data));
            using var http = new HttpClient { BaseAddress = emulator.BaseUri };
            var alice = new ApiClient(http, token);
            for (var i = 0; i < 60; i++)
            {
                await alice.PutAsync($"/docs/file-{i:D2}-{new string('x', 100)}.txt", "content " + i);
                emulator.Persist();
            }

            Hash(StatePath(Data)).ShouldNotBe(firstSnapshot);
            // Folded: the journal is far below what 60 records took, the snapshot holds them.
            new FileInfo(JournalPath(Data)).Length.ShouldBeLessThan(new FileInfo(StatePath(Data)).Length);
            (await File.ReadAllTextAsync(StatePath(Data))).ShouldContain("file-00-");
        }

        await using var again = await DropboxEmulator.StartAsync(new EmulatorOptions { DataDirectory = Data });
        (await NamesAsync(again, token)).Count.ShouldBe(60);
    }

    [Fact]
    public async Task JournalOfAnOlderSnapshot_IsIgnored()
    {
        // A crash between writing the new snapshot and starting its journal leaves the old journal:
        // its records are already in the snapshot and must not be applied again.
        string token;
        string crashed;
        await using (var emulator = await DropboxEmulator.StartAsync(new EmulatorOptions { DataDirectory = Data }))
        {
            token = emulator.MintToken(WorldSeeder.AliceEmail);
            using var http = new HttpClient { BaseAddress = emulator.BaseUri };
            var alice = new ApiClient(http, token);
            await alice.PutAsync("/docs/a.txt", "a");
            emulator.Persist();
            var oldJournal = await File.ReadAllBytesAsync(JournalPath(Data));
            await alice.RpcAsync("files/delete_v2", new JsonObject { ["path"] = "/docs/a.txt" });
            await alice.PutAsync("/docs/b.txt", "b");
            emulator.Compact();
            crashed = CrashCopy("between");
            await File.WriteAllBytesAsync(JournalPath(crashed), oldJournal);
        }

        await using var again = await DropboxEmulator.StartAsync(new EmulatorOptions { DataDirectory = crashed });

        (await NamesAsync(again, token)).ShouldBe(["b.txt"]);
    }

    [Fact]
    public async Task Reset_IsJournalledToo()
    {
        string token;
        string crashed;
        await using (var emulator = await DropboxEmulator.StartAsync(new EmulatorOptions { DataDirectory = Data }))
        {
            token = emulator.MintToken(WorldSeeder.AliceEmail);
            using var http = new HttpClient { BaseAddress = emulator.BaseUri };
            await new ApiClient(http, token).PutAsync("/docs/gone.txt", "gone");
            emulator.Persist();
            emulator.ResetWorld();
            token = emulator.MintToken(WorldSeeder.AliceEmail);
            using var http2 = new HttpClient { BaseAddress = emulator.BaseUri };
            await new ApiClient(http2, token).PutAsync("/docs/new.txt", "new");
            emulator.Persist();
            crashed = CrashCopy("reset");
        }

        await using var again = await DropboxEmulator.StartAsync(new EmulatorOptions { DataDirectory = crashed });

        (await NamesAsync(again, token)).ShouldBe(["new.txt"]);
    }
}
