using System.Net;
using System.Text.Json.Nodes;
using DocSync.Dropbox.Emulator.Tests.Infrastructure;

namespace DocSync.Dropbox.Emulator.Tests.Routes;

public sealed class RelocationTests : EmulatorFixture
{
    private Task<ApiResponse> Move(string from, string to, bool autorename = false) =>
        Alice.RpcAsync("files/move_v2", new JsonObject { ["from_path"] = from, ["to_path"] = to, ["autorename"] = autorename });

    [Fact]
    public async Task Move_File_ReturnsTaggedMetadataAtNewPath()
    {
        await Alice.PutAsync("/a.txt", "x");

        var response = await Move("/a.txt", "/b/A2.txt");

        response.Object["metadata"]![".tag"]!.GetValue<string>().ShouldBe("file");
        response.Object["metadata"]!["path_display"]!.GetValue<string>().ShouldBe("/b/A2.txt");
        (await Alice.RpcAsync("files/get_metadata", new JsonObject { ["path"] = "/a.txt" })).Summary.ShouldStartWith("path/not_found/");
    }

    [Fact]
    public async Task Move_OntoExisting_ConflictsUnlessAutorename()
    {
        await Alice.PutAsync("/a.txt", "x");
        await Alice.PutAsync("/b.txt", "y");

        var conflict = await Move("/a.txt", "/b.txt");
        var renamed = await Move("/a.txt", "/b.txt", autorename: true);

        conflict.Summary.ShouldStartWith("to/conflict/file/");
        renamed.Object["metadata"]!["path_display"]!.GetValue<string>().ShouldBe("/b (1).txt");
    }

    [Fact]
    public async Task Move_FolderIntoItself_IsRefused()
    {
        await Alice.RpcAsync("files/create_folder_v2", new JsonObject { ["path"] = "/f" });

        var response = await Move("/f", "/f/g");

        response.Summary.ShouldStartWith("cant_move_folder_into_itself/");
    }

    [Fact]
    public async Task Move_Missing_AnswersFromLookupNotFound()
    {
        var response = await Move("/nope", "/elsewhere");

        response.Summary.ShouldStartWith("from_lookup/not_found/");
    }

    [Fact]
    public async Task Move_CaseOnly_IsAConflictAsDropboxDoesNotSupportIt()
    {
        await Alice.PutAsync("/case.txt", "x");

        var response = await Move("/case.txt", "/CASE.txt");

        response.Status.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Copy_Folder_CopiesSubtreeWithNewIds()
    {
        var original = await Alice.PutAsync("/src/deep/f.txt", "x");

        var response = await Alice.RpcAsync("files/copy_v2", new JsonObject { ["from_path"] = "/src", ["to_path"] = "/dst" });
        var copied = await Alice.RpcAsync("files/get_metadata", new JsonObject { ["path"] = "/dst/deep/f.txt" });

        response.Object["metadata"]![".tag"]!.GetValue<string>().ShouldBe("folder");
        copied.Object["id"]!.GetValue<string>().ShouldNotBe(original["id"]!.GetValue<string>());
        copied.Object["content_hash"]!.GetValue<string>().ShouldBe(original["content_hash"]!.GetValue<string>());
        (await Alice.DownloadAsync("/src/deep/f.txt")).Text.ShouldBe("x");
    }

    [Fact]
    public async Task MoveBatchV2_ReportsPerEntryResultsThroughCheck()
    {
        await Alice.PutAsync("/m1.txt", "1");

        var launch = await Alice.RpcAsync("files/move_batch_v2", new JsonObject
        {
            ["entries"] = new JsonArray(
                new JsonObject { ["from_path"] = "/m1.txt", ["to_path"] = "/moved/m1.txt" },
                new JsonObject { ["from_path"] = "/missing.txt", ["to_path"] = "/moved/missing.txt" }),
        });
        var check = await Alice.RpcAsync("files/move_batch/check_v2", new JsonObject { ["async_job_id"] = launch.Object["async_job_id"]!.GetValue<string>() });

        var entries = check.Object["entries"]!.AsArray();
        check.Object[".tag"]!.GetValue<string>().ShouldBe("complete");
        entries[0]![".tag"]!.GetValue<string>().ShouldBe("success");
        entries[0]!["success"]!["path_display"]!.GetValue<string>().ShouldBe("/moved/m1.txt");
        entries[1]!["failure"]![".tag"]!.GetValue<string>().ShouldBe("relocation_error");
        entries[1]!["failure"]!["relocation_error"]![".tag"]!.GetValue<string>().ShouldBe("from_lookup");
    }

    [Fact]
    public async Task DeleteV2_ReturnsMetadataBeforeDeletion()
    {
        await Alice.PutAsync("/del/a.txt", "x");

        var response = await Alice.RpcAsync("files/delete_v2", new JsonObject { ["path"] = "/del" });
        var again = await Alice.RpcAsync("files/delete_v2", new JsonObject { ["path"] = "/del" });

        response.Object["metadata"]![".tag"]!.GetValue<string>().ShouldBe("folder");
        again.Summary.ShouldStartWith("path_lookup/not_found/");
        (await Alice.RpcAsync("files/get_metadata", new JsonObject { ["path"] = "/del/a.txt" })).Status.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task DeleteV2_StaleParentRev_IsRefused()
    {
        var first = await Alice.PutAsync("/p.txt", "1");
        await Alice.PutAsync("/p.txt", "2", "overwrite");

        var response = await Alice.RpcAsync("files/delete_v2", new JsonObject { ["path"] = "/p.txt", ["parent_rev"] = first["rev"]!.GetValue<string>() });

        response.Status.ShouldBe(HttpStatusCode.Conflict);
        (await Alice.DownloadAsync("/p.txt")).Text.ShouldBe("2");
    }

    [Fact]
    public async Task DeleteBatch_AsyncJobCompletesWithEntries()
    {
        await Alice.PutAsync("/d1.txt", "1");

        var launch = await Alice.RpcAsync("files/delete_batch", new JsonObject
        {
            ["entries"] = new JsonArray(new JsonObject { ["path"] = "/d1.txt" }, new JsonObject { ["path"] = "/nope.txt" }),
        });
        var check = await Alice.RpcAsync("files/delete_batch/check", new JsonObject { ["async_job_id"] = launch.Object["async_job_id"]!.GetValue<string>() });

        var entries = check.Object["entries"]!.AsArray();
        entries[0]![".tag"]!.GetValue<string>().ShouldBe("success");
        entries[0]!["metadata"]!["name"]!.GetValue<string>().ShouldBe("d1.txt");
        entries[1]!["failure"]![".tag"]!.GetValue<string>().ShouldBe("path_lookup");
    }

    [Fact]
    public async Task CreateFolderBatch_CompleteAndAsync()
    {
        await Alice.RpcAsync("files/create_folder_v2", new JsonObject { ["path"] = "/exists" });

        var complete = await Alice.RpcAsync("files/create_folder_batch", new JsonObject { ["paths"] = new JsonArray("/x", "/exists") });
        var launch = await Alice.RpcAsync("files/create_folder_batch", new JsonObject { ["paths"] = new JsonArray("/y"), ["force_async"] = true });
        var check = await Alice.RpcAsync("files/create_folder_batch/check", new JsonObject { ["async_job_id"] = launch.Object["async_job_id"]!.GetValue<string>() });

        complete.Object[".tag"]!.GetValue<string>().ShouldBe("complete");
        complete.Object["entries"]![0]!["metadata"]!["path_display"]!.GetValue<string>().ShouldBe("/x");
        complete.Object["entries"]![1]!["failure"]!["path"]![".tag"]!.GetValue<string>().ShouldBe("conflict");
        check.Object["entries"]![0]![".tag"]!.GetValue<string>().ShouldBe("success");
    }

    [Fact]
    public async Task CreateFolder_Existing_ConflictsFolderOrAutorenames()
    {
        await Alice.RpcAsync("files/create_folder_v2", new JsonObject { ["path"] = "/Dup" });

        var conflict = await Alice.RpcAsync("files/create_folder_v2", new JsonObject { ["path"] = "/dup" });
        var renamed = await Alice.RpcAsync("files/create_folder_v2", new JsonObject { ["path"] = "/dup", ["autorename"] = true });

        conflict.Summary.ShouldStartWith("path/conflict/folder/");
        renamed.Object["metadata"]!["name"]!.GetValue<string>().ShouldBe("dup (1)");
        renamed.Object["metadata"]!.AsObject().ContainsKey(".tag").ShouldBeFalse();
    }
}
