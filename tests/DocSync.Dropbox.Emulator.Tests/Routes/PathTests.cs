using System.Net;
using System.Text.Json.Nodes;
using DocSync.Dropbox.Emulator.Tests.Infrastructure;

namespace DocSync.Dropbox.Emulator.Tests.Routes;

public sealed class PathTests : EmulatorFixture
{
    private Task<ApiResponse> Metadata(string path) => Alice.RpcAsync("files/get_metadata", new JsonObject { ["path"] = path });

    [Fact]
    public async Task Paths_AreCaseInsensitiveAndCasePreserving()
    {
        await Alice.PutAsync("/Reports/Annual.PDF", "x");

        var response = await Metadata("/REPORTS/annual.pdf");

        response.Object["path_display"]!.GetValue<string>().ShouldBe("/Reports/Annual.PDF");
        response.Object["path_lower"]!.GetValue<string>().ShouldBe("/reports/annual.pdf");
    }

    [Theory]
    [InlineData("relative/path")]
    [InlineData("rev:xyz")]
    public async Task Metadata_PathNotMatchingPattern_Answers400(string path)
    {
        var response = await Metadata(path);

        response.Status.ShouldBe(HttpStatusCode.BadRequest);
        response.Text.ShouldContain("did not match pattern");
    }

    [Theory]
    [InlineData("/a//b")]
    [InlineData("/a/")]
    [InlineData("/a/./b")]
    [InlineData("/a/../b")]
    [InlineData("/nul\0name")]
    [InlineData("/")]
    public async Task Metadata_MalformedPath_AnswersMalformedPath(string path)
    {
        var response = await Metadata(path);

        response.Status.ShouldBe(HttpStatusCode.Conflict, response.ToString());
        response.Summary.ShouldStartWith("path/malformed_path/");
    }

    [Fact]
    public async Task Upload_ComponentLongerThan255_AnswersMalformedPath()
    {
        var response = await Alice.UploadAsync("files/upload", new JsonObject { ["path"] = "/" + new string('x', 256) + ".txt" }, "x"u8.ToArray());

        response.Summary.ShouldStartWith("path/malformed_path/");
    }

    [Fact]
    public async Task Upload_LoneSurrogate_AnswersMalformedPathNever500()
    {
        var response = await Alice.UploadAsync("files/upload", new JsonObject { ["path"] = "/bad\ud800.txt" }, "x"u8.ToArray());

        ((int)response.Status).ShouldBeLessThan(500);
    }

    [Fact]
    public async Task Id_StaysStableAcrossMoves()
    {
        var created = await Alice.PutAsync("/inbox/doc.pdf", "x");
        var id = created["id"]!.GetValue<string>();

        await Alice.RpcAsync("files/move_v2", new JsonObject { ["from_path"] = "/inbox", ["to_path"] = "/archive/2026" });
        var byId = await Metadata(id);

        byId.Object["path_display"]!.GetValue<string>().ShouldBe("/archive/2026/doc.pdf");
        byId.Object["id"]!.GetValue<string>().ShouldBe(id);
    }

    [Fact]
    public async Task NamespacePath_ResolvesInHomeNamespace()
    {
        await Alice.PutAsync("/ns.txt", "x");
        var account = await Alice.RpcAsync("users/get_current_account", null);
        var ns = account.Object["root_info"]!["home_namespace_id"]!.GetValue<string>();

        var response = await Metadata($"ns:{ns}/ns.txt");

        response.Status.ShouldBe(HttpStatusCode.OK, response.ToString());
        response.Object["name"]!.GetValue<string>().ShouldBe("ns.txt");
    }

    [Fact]
    public async Task NamespacePath_OfAnotherAccount_IsNotFound()
    {
        var bob = ClientFor(Model.WorldSeeder.BobEmail);
        var bobAccount = await bob.RpcAsync("users/get_current_account", null);
        var ns = bobAccount.Object["root_info"]!["home_namespace_id"]!.GetValue<string>();

        var response = await Metadata($"ns:{ns}/anything");

        response.Summary.ShouldStartWith("path/not_found/");
    }

    [Fact]
    public async Task RevPath_ReadsThatRevision()
    {
        var first = await Alice.PutAsync("/r.txt", "first");
        await Alice.PutAsync("/r.txt", "second", "overwrite");

        var response = await Alice.DownloadAsync("rev:" + first["rev"]!.GetValue<string>());

        response.Text.ShouldBe("first");
    }

    [Fact]
    public async Task NfdName_KeepsItsSpellingInNameAndPathDisplay_AndComparesComposed()
    {
        var nfd = "/Dossier e\u0301te\u0301/Cafe\u0301.txt";

        var response = await Alice.PutAsync(nfd, "x");
        var viaNfc = await Metadata("/Dossier \u00e9t\u00e9/CAF\u00c9.txt");
        var listed = await Alice.RpcAsync("files/list_folder", new JsonObject { ["path"] = "", ["recursive"] = true });
        var again = await Alice.UploadAsync("files/upload", new JsonObject { ["path"] = "/Dossier \u00e9t\u00e9/Caf\u00e9.txt" }, "y"u8.ToArray());

        // A client that downloads the tree gets back the name it uploaded.
        response["name"]!.GetValue<string>().ShouldBe("Cafe\u0301.txt");
        response["path_display"]!.GetValue<string>().ShouldBe(nfd);
        response["path_lower"]!.GetValue<string>().ShouldBe("/dossier \u00e9t\u00e9/caf\u00e9.txt");
        viaNfc.Status.ShouldBe(HttpStatusCode.OK);
        viaNfc.Object["id"]!.GetValue<string>().ShouldBe(response["id"]!.GetValue<string>());
        listed.Object["entries"]!.AsArray().Select(e => e!["path_display"]!.GetValue<string>()).ShouldContain(nfd);
        again.Summary.ShouldStartWith("path/conflict/file/");
    }

    [Fact]
    public async Task AppFolderApp_IsConfinedToItsFolder()
    {
        var app = ClientFor(Model.WorldSeeder.AliceEmail, Model.WorldSeeder.AppFolderKey);

        var written = await app.PutAsync("/report.txt", "x");
        var seenByFullApp = await Metadata("/Apps/DocSync/report.txt");
        var listing = await app.RpcAsync("files/list_folder", new JsonObject { ["path"] = "" });

        written["path_display"]!.GetValue<string>().ShouldBe("/report.txt");
        seenByFullApp.Status.ShouldBe(HttpStatusCode.OK);
        listing.Object["entries"]!.AsArray().Select(e => e!["name"]!.GetValue<string>()).ShouldBe(["report.txt"]);
    }
}
