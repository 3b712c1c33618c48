using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using DocSync.Dropbox.Emulator.Tests.Infrastructure;

namespace DocSync.Dropbox.Emulator.Tests.Routes;

public sealed class WriteModeTests : EmulatorFixture
{
    private static JsonObject Update(string rev) => new() { [".tag"] = "update", ["update"] = rev };

    private async Task<ApiResponse> Upload(string path, string content, JsonNode? mode = null, bool autorename = false, bool strict = false) =>
        await Alice.UploadAsync("files/upload", new JsonObject
        {
            ["path"] = path,
            ["mode"] = mode ?? "add",
            ["autorename"] = autorename,
            ["strict_conflict"] = strict,
        }, Encoding.UTF8.GetBytes(content));

    [Fact]
    public async Task Add_ExistingDifferentContent_AnswersConflictFile()
    {
        await Alice.PutAsync("/a.txt", "one");

        var response = await Upload("/a.txt", "two");

        response.Status.ShouldBe(HttpStatusCode.Conflict);
        response.Summary.ShouldStartWith("path/conflict/file/");
        response.Error["reason"]![".tag"]!.GetValue<string>().ShouldBe("conflict");
        response.Error["upload_session_id"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task Add_ConflictWithAutorename_WritesNumberedCopy()
    {
        await Alice.PutAsync("/a.txt", "one");

        var first = await Upload("/a.txt", "two", autorename: true);
        var second = await Upload("/A.txt", "three", autorename: true);

        first.Object["path_display"]!.GetValue<string>().ShouldBe("/a (1).txt");
        second.Object["path_display"]!.GetValue<string>().ShouldBe("/A (2).txt");
    }

    [Fact]
    public async Task Add_IdenticalContent_IsNoOpWithSameRev()
    {
        var original = await Alice.PutAsync("/same.txt", "same");

        var again = await Upload("/same.txt", "same");

        again.Status.ShouldBe(HttpStatusCode.OK);
        again.Object["rev"]!.GetValue<string>().ShouldBe(original["rev"]!.GetValue<string>());
    }

    [Fact]
    public async Task StrictConflict_IdenticalContent_StillConflicts()
    {
        await Alice.PutAsync("/same.txt", "same");

        var again = await Upload("/same.txt", "same", strict: true);

        again.Status.ShouldBe(HttpStatusCode.Conflict);
        again.Summary.ShouldStartWith("path/conflict/file/");
    }

    [Fact]
    public async Task Overwrite_NewContent_MakesNewRevAndKeepsId()
    {
        var original = await Alice.PutAsync("/o.txt", "one");

        var response = await Upload("/o.txt", "two", "overwrite");

        response.Object["rev"]!.GetValue<string>().ShouldNotBe(original["rev"]!.GetValue<string>());
        response.Object["id"]!.GetValue<string>().ShouldBe(original["id"]!.GetValue<string>());
        (await Alice.DownloadAsync("/o.txt")).Text.ShouldBe("two");
    }

    [Fact]
    public async Task Update_MatchingRev_Overwrites()
    {
        var original = await Alice.PutAsync("/u.txt", "one");

        var response = await Upload("/u.txt", "two", Update(original["rev"]!.GetValue<string>()));

        response.Status.ShouldBe(HttpStatusCode.OK);
        (await Alice.DownloadAsync("/u.txt")).Text.ShouldBe("two");
    }

    [Fact]
    public async Task Update_StaleRev_ConflictsOrWritesConflictedCopy()
    {
        var original = await Alice.PutAsync("/u.txt", "one");
        await Upload("/u.txt", "two", "overwrite");

        var conflict = await Upload("/u.txt", "three", Update(original["rev"]!.GetValue<string>()));
        var renamed = await Upload("/u.txt", "three", Update(original["rev"]!.GetValue<string>()), autorename: true);

        conflict.Status.ShouldBe(HttpStatusCode.Conflict);
        renamed.Object["path_display"]!.GetValue<string>().ShouldBe("/u (conflicted copy).txt");
        (await Alice.DownloadAsync("/u.txt")).Text.ShouldBe("two");
    }

    [Fact]
    public async Task Update_DeletedFile_WritesUnlessStrict()
    {
        var original = await Alice.PutAsync("/gone.txt", "one");
        await Alice.RpcAsync("files/delete_v2", new JsonObject { ["path"] = "/gone.txt" });
        var rev = original["rev"]!.GetValue<string>();

        var strict = await Upload("/gone.txt", "two", Update(rev), strict: true);
        var lenient = await Upload("/gone.txt", "two", Update(rev));

        strict.Status.ShouldBe(HttpStatusCode.Conflict);
        lenient.Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Upload_OntoFolder_ConflictsFolder()
    {
        await Alice.RpcAsync("files/create_folder_v2", new JsonObject { ["path"] = "/f" });

        var response = await Upload("/F", "x", "overwrite");

        response.Summary.ShouldStartWith("path/conflict/folder/");
    }

    [Fact]
    public async Task Upload_UnderAFile_ConflictsFileAncestor()
    {
        await Alice.PutAsync("/file", "x");

        var response = await Upload("/file/child.txt", "y");

        response.Summary.ShouldStartWith("path/conflict/file_ancestor/");
    }

    [Fact]
    public async Task Upload_CreatesMissingParentsPreservingCase()
    {
        await Alice.RpcAsync("files/create_folder_v2", new JsonObject { ["path"] = "/Invoices" });

        var response = await Upload("/invoices/2026/Q1/INV-1.pdf", "pdf");

        response.Object["path_display"]!.GetValue<string>().ShouldBe("/Invoices/2026/Q1/INV-1.pdf");
        response.Object["path_lower"]!.GetValue<string>().ShouldBe("/invoices/2026/q1/inv-1.pdf");
        var folder = await Alice.RpcAsync("files/get_metadata", new JsonObject { ["path"] = "/INVOICES/2026" });
        folder.Object[".tag"]!.GetValue<string>().ShouldBe("folder");
    }

    [Fact]
    public async Task Upload_FullQuota_AnswersInsufficientSpace()
    {
        await Alice.PutAsync("/first.txt", "some bytes");
        await AdminAsync("quota", new JsonObject { ["account"] = "alice@example.com", ["fill"] = true });

        var response = await Upload("/second.txt", "more bytes");

        response.Summary.ShouldStartWith("path/insufficient_space/");
        var usage = await Alice.RpcAsync("users/get_space_usage", null);
        usage.Object["used"]!.GetValue<long>().ShouldBe(usage.Object["allocation"]!["allocated"]!.GetValue<long>());
    }

    [Theory]
    [InlineData("desktop.ini")]
    [InlineData(".DS_Store")]
    [InlineData("Thumbs.db")]
    public async Task Upload_DisallowedName_AnswersDisallowedName(string name)
    {
        var response = await Upload("/" + name, "x");

        response.Summary.ShouldStartWith("path/disallowed_name/");
    }

    [Fact]
    public async Task Upload_EmptyFile_HasEmptyHash()
    {
        var response = await Upload("/empty.txt", "");

        response.Object["size"]!.GetValue<long>().ShouldBe(0);
        response.Object["content_hash"]!.GetValue<string>().ShouldBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    [Fact]
    public async Task Upload_ClientModified_IsKeptAndServerModifiedIsNow()
    {
        var response = await Alice.UploadAsync("files/upload",
            new JsonObject { ["path"] = "/t.txt", ["client_modified"] = "2020-02-29T12:00:00Z" }, "t"u8.ToArray());

        response.Object["client_modified"]!.GetValue<string>().ShouldBe("2020-02-29T12:00:00Z");
        response.Object["server_modified"]!.GetValue<string>().ShouldEndWith("Z");
    }
}
