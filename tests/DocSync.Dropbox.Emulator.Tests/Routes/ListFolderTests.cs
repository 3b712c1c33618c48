using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using DocSync.Dropbox.Emulator.Tests.Infrastructure;

namespace DocSync.Dropbox.Emulator.Tests.Routes;

public sealed class ListFolderTests : EmulatorFixture
{
    private async Task<(List<JsonObject> Entries, string Cursor)> ListAllAsync(JsonObject arg)
    {
        var entries = new List<JsonObject>();
        var response = await Alice.RpcAsync("files/list_folder", arg);
        response.Status.ShouldBe(HttpStatusCode.OK, response.ToString());
        while (true)
        {
            entries.AddRange(response.Object["entries"]!.AsArray().Select(e => e!.AsObject()));
            var cursor = response.Object["cursor"]!.GetValue<string>();
            if (!response.Object["has_more"]!.GetValue<bool>())
            {
                return (entries, cursor);
            }
            response = await Alice.RpcAsync("files/list_folder/continue", new JsonObject { ["cursor"] = cursor });
        }
    }

    private async Task<List<JsonObject>> ContinueAsync(string cursor)
    {
        var response = await Alice.RpcAsync("files/list_folder/continue", new JsonObject { ["cursor"] = cursor });
        response.Status.ShouldBe(HttpStatusCode.OK, response.ToString());
        return response.Object["entries"]!.AsArray().Select(e => e!.AsObject()).ToList();
    }

    private static IEnumerable<string> Paths(IEnumerable<JsonObject> entries) => entries.Select(e => $"{e[".tag"]}:{e["path_display"]}");

    [Fact]
    public async Task Recursive_PagesThroughEverythingParentsFirst()
    {
        for (var i = 0; i < 25; i++)
        {
            await Alice.PutAsync($"/docs/{i % 3}/file{i:00}.txt", $"content {i}");
        }

        var (entries, _) = await ListAllAsync(new JsonObject { ["path"] = "", ["recursive"] = true, ["limit"] = 4 });

        entries.Count.ShouldBe(25 + 3 + 1);
        entries.Select(e => e["path_lower"]!.GetValue<string>()).Distinct().Count().ShouldBe(entries.Count);
        var seen = new HashSet<string>();
        foreach (var entry in entries)
        {
            var path = entry["path_lower"]!.GetValue<string>();
            var parent = path[..path.LastIndexOf('/')];
            (parent.Length == 0 || seen.Contains(parent)).ShouldBeTrue($"{path} listed before its parent");
            seen.Add(path);
        }
    }

    [Fact]
    public async Task NonRecursive_ListsChildrenOnly()
    {
        await Alice.PutAsync("/top/a.txt", "a");
        await Alice.PutAsync("/top/sub/b.txt", "b");

        var (entries, _) = await ListAllAsync(new JsonObject { ["path"] = "/top" });

        Paths(entries).ShouldBe(["file:/top/a.txt", "folder:/top/sub"], ignoreOrder: true);
    }

    [Fact]
    public async Task ListFolder_OfAFile_AnswersNotFolder()
    {
        await Alice.PutAsync("/f.txt", "a");

        var response = await Alice.RpcAsync("files/list_folder", new JsonObject { ["path"] = "/f.txt" });

        response.Summary.ShouldStartWith("path/not_folder/");
    }

    [Fact]
    public async Task Continue_ReportsAddsChangesAndDeletes()
    {
        await Alice.PutAsync("/keep.txt", "1");
        await Alice.PutAsync("/drop/inner.txt", "2");
        var (_, cursor) = await ListAllAsync(new JsonObject { ["path"] = "", ["recursive"] = true });

        await Alice.PutAsync("/new.txt", "3");
        await Alice.PutAsync("/keep.txt", "changed", "overwrite");
        await Alice.RpcAsync("files/delete_v2", new JsonObject { ["path"] = "/drop" });
        var changes = await ContinueAsync(cursor);

        Paths(changes).ShouldBe(["file:/new.txt", "file:/keep.txt", "deleted:/drop"]);
        changes[2].ContainsKey("id").ShouldBeFalse();
    }

    [Fact]
    public async Task Continue_AfterFolderMove_ReportsDeletionAndNewSubtree()
    {
        var file = await Alice.PutAsync("/old/x.txt", "1");
        var (_, cursor) = await ListAllAsync(new JsonObject { ["path"] = "", ["recursive"] = true });

        await Alice.RpcAsync("files/move_v2", new JsonObject { ["from_path"] = "/old", ["to_path"] = "/New" });
        var changes = await ContinueAsync(cursor);

        Paths(changes).ShouldBe(["folder:/New", "file:/New/x.txt", "deleted:/old"], ignoreOrder: true);
        changes.Single(c => c["name"]!.GetValue<string>() == "x.txt")["id"]!.GetValue<string>().ShouldBe(file["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Continue_WithSameCursorTwice_AnswersTheSame()
    {
        var (_, cursor) = await ListAllAsync(new JsonObject { ["path"] = "" });
        await Alice.PutAsync("/a.txt", "1");

        var first = await ContinueAsync(cursor);
        var second = await ContinueAsync(cursor);

        Paths(second).ShouldBe(Paths(first));
    }

    [Fact]
    public async Task GetLatestCursor_SeesOnlyLaterChanges()
    {
        await Alice.PutAsync("/before.txt", "1");
        var latest = await Alice.RpcAsync("files/list_folder/get_latest_cursor", new JsonObject { ["path"] = "", ["recursive"] = true });
        await Alice.PutAsync("/after.txt", "2");

        var changes = await ContinueAsync(latest.Object["cursor"]!.GetValue<string>());

        Paths(changes).ShouldBe(["file:/after.txt"]);
    }

    [Fact]
    public async Task Cursor_ResetByAdmin_AnswersReset()
    {
        var (_, cursor) = await ListAllAsync(new JsonObject { ["path"] = "" });

        await AdminAsync("cursors/reset", new JsonObject { ["cursor"] = cursor });
        var response = await Alice.RpcAsync("files/list_folder/continue", new JsonObject { ["cursor"] = cursor });

        response.Status.ShouldBe(HttpStatusCode.Conflict);
        response.Error[".tag"]!.GetValue<string>().ShouldBe("reset");
    }

    [Fact]
    public async Task Cursor_Tampered_Answers400()
    {
        var (_, cursor) = await ListAllAsync(new JsonObject { ["path"] = "" });

        var response = await Alice.RpcAsync("files/list_folder/continue", new JsonObject { ["cursor"] = cursor[..^3] + "AAA" });

        response.Status.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Cursor_OfAnotherAccount_IsRefused()
    {
        var (_, cursor) = await ListAllAsync(new JsonObject { ["path"] = "" });
        var bob = ClientFor(Model.WorldSeeder.BobEmail);

        var response = await bob.RpcAsync("files/list_folder/continue", new JsonObject { ["cursor"] = cursor });

        response.Status.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task IncludeDeleted_ListsDeletedFiles()
    {
        await Alice.PutAsync("/d/gone.txt", "1");
        await Alice.RpcAsync("files/delete_v2", new JsonObject { ["path"] = "/d/gone.txt" });

        var (entries, _) = await ListAllAsync(new JsonObject { ["path"] = "/d", ["include_deleted"] = true });

        Paths(entries).ShouldBe(["deleted:/d/gone.txt"]);
    }

    [Fact]
    public async Task Longpoll_WakesOnChange()
    {
        var (_, cursor) = await ListAllAsync(new JsonObject { ["path"] = "", ["recursive"] = true });
        var anonymous = Anonymous();

        var poll = anonymous.RpcAsync("files/list_folder/longpoll", new JsonObject { ["cursor"] = cursor, ["timeout"] = 30 });
        await Task.Delay(200);
        poll.IsCompleted.ShouldBeFalse();
        await Alice.PutAsync("/wake.txt", "1");
        var response = await poll.WaitAsync(TimeSpan.FromSeconds(10));

        response.Status.ShouldBe(HttpStatusCode.OK, response.ToString());
        response.Object["changes"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task Longpoll_NoChange_AnswersFalseAfterTimeoutWithBackoff()
    {
        var (_, cursor) = await ListAllAsync(new JsonObject { ["path"] = "" });
        await AdminAsync("longpoll", new JsonObject { ["backoff"] = 5 });

        var watch = Stopwatch.StartNew();
        var response = await Anonymous().RpcAsync("files/list_folder/longpoll", new JsonObject { ["cursor"] = cursor, ["timeout"] = 30 });

        response.Object["changes"]!.GetValue<bool>().ShouldBeFalse();
        response.Object["backoff"]!.GetValue<int>().ShouldBe(5);
        watch.Elapsed.ShouldBeGreaterThan(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task Longpoll_TimeoutOutOfRange_Answers400()
    {
        var (_, cursor) = await ListAllAsync(new JsonObject { ["path"] = "" });

        var response = await Anonymous().RpcAsync("files/list_folder/longpoll", new JsonObject { ["cursor"] = cursor, ["timeout"] = 5 });

        response.Status.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Longpoll_ChangeOutsideCursorFolder_DoesNotWake()
    {
        await Alice.RpcAsync("files/create_folder_v2", new JsonObject { ["path"] = "/watched" });
        var (_, cursor) = await ListAllAsync(new JsonObject { ["path"] = "/watched" });

        var poll = Anonymous().RpcAsync("files/list_folder/longpoll", new JsonObject { ["cursor"] = cursor, ["timeout"] = 30 });
        await Alice.PutAsync("/elsewhere.txt", "1");
        var response = await poll;

        response.Object["changes"]!.GetValue<bool>().ShouldBeFalse();
    }
}
