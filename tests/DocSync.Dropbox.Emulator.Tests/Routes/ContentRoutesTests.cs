using System.Net;
using System.Text.Json.Nodes;
using DocSync.Dropbox.Emulator.Tests.Infrastructure;

namespace DocSync.Dropbox.Emulator.Tests.Routes;

public sealed class ContentRoutesTests : EmulatorFixture
{
    [Fact]
    public async Task ListRevisions_NewestFirstAndRestoreBringsOldContentBack()
    {
        var first = await Alice.PutAsync("/rev.txt", "v1");
        await Alice.PutAsync("/rev.txt", "v2", "overwrite");
        await Alice.PutAsync("/rev.txt", "v3", "overwrite");

        var revisions = await Alice.RpcAsync("files/list_revisions", new JsonObject { ["path"] = "/rev.txt" });
        var restored = await Alice.RpcAsync("files/restore", new JsonObject { ["path"] = "/rev.txt", ["rev"] = first["rev"]!.GetValue<string>() });

        revisions.Object["is_deleted"]!.GetValue<bool>().ShouldBeFalse();
        revisions.Object["entries"]!.AsArray().Count.ShouldBe(3);
        revisions.Object["entries"]![2]!["rev"]!.GetValue<string>().ShouldBe(first["rev"]!.GetValue<string>());
        restored.Status.ShouldBe(HttpStatusCode.OK, restored.ToString());
        (await Alice.DownloadAsync("/rev.txt")).Text.ShouldBe("v1");
    }

    [Fact]
    public async Task ListRevisions_DeletedFile_ReportsDeletionAndCanBeRestored()
    {
        var created = await Alice.PutAsync("/lost.txt", "precious");
        await Alice.RpcAsync("files/delete_v2", new JsonObject { ["path"] = "/lost.txt" });

        var revisions = await Alice.RpcAsync("files/list_revisions", new JsonObject { ["path"] = "/lost.txt" });
        await Alice.RpcAsync("files/restore", new JsonObject { ["path"] = "/lost.txt", ["rev"] = created["rev"]!.GetValue<string>() });

        revisions.Object["is_deleted"]!.GetValue<bool>().ShouldBeTrue();
        revisions.Object["server_deleted"]!.GetValue<string>().ShouldEndWith("Z");
        (await Alice.DownloadAsync("/lost.txt")).Text.ShouldBe("precious");
    }

    [Fact]
    public async Task Restore_UnknownRev_AnswersInvalidRevision()
    {
        await Alice.PutAsync("/r.txt", "x");

        var response = await Alice.RpcAsync("files/restore", new JsonObject { ["path"] = "/r.txt", ["rev"] = "0123456789abcdef" });

        response.Error[".tag"]!.GetValue<string>().ShouldBe("invalid_revision");
    }

    [Fact]
    public async Task TemporaryLink_ServesTheBytesAndExpires()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var emulator = await DropboxEmulator.StartAsync(new EmulatorOptions { TimeProvider = clock });
        using var http = new HttpClient { BaseAddress = emulator.BaseUri };
        var client = new ApiClient(http, emulator.MintToken(Model.WorldSeeder.AliceEmail));
        await client.PutAsync("/link.txt", "linked");

        var response = await client.RpcAsync("files/get_temporary_link", new JsonObject { ["path"] = "/link.txt" });
        var link = response.Object["link"]!.GetValue<string>();
        var fetched = await http.GetStringAsync(link);
        clock.Advance(TimeSpan.FromHours(4) + TimeSpan.FromSeconds(1));
        var expired = await http.GetAsync(link);

        response.Object["metadata"]!["name"]!.GetValue<string>().ShouldBe("link.txt");
        fetched.ShouldBe("linked");
        expired.StatusCode.ShouldBe(HttpStatusCode.Gone);
    }

    [Fact]
    public async Task Search_FindsByNameAndPagesWithCursor()
    {
        for (var i = 0; i < 5; i++)
        {
            await Alice.PutAsync($"/invoices/Invoice-{i}.pdf", $"invoice {i}");
        }
        await Alice.PutAsync("/notes/readme.txt", "nothing");

        var first = await Alice.RpcAsync("files/search_v2", new JsonObject { ["query"] = "invoice-", ["options"] = new JsonObject { ["max_results"] = 3, ["filename_only"] = true } });
        var next = await Alice.RpcAsync("files/search/continue_v2", new JsonObject { ["cursor"] = first.Object["cursor"]!.GetValue<string>() });

        first.Object["matches"]!.AsArray().Count.ShouldBe(3);
        first.Object["has_more"]!.GetValue<bool>().ShouldBeTrue();
        first.Object["matches"]![0]!["metadata"]![".tag"]!.GetValue<string>().ShouldBe("metadata");
        first.Object["matches"]![0]!["metadata"]!["metadata"]![".tag"]!.GetValue<string>().ShouldBe("file");
        next.Object["matches"]!.AsArray().Count.ShouldBe(2);
        next.Object["has_more"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public async Task Search_InMissingFolder_AnswersPathNotFound()
    {
        var response = await Alice.RpcAsync("files/search_v2", new JsonObject { ["query"] = "x", ["options"] = new JsonObject { ["path"] = "/nowhere" } });

        response.Summary.ShouldStartWith("path/not_found/");
    }

    [Fact]
    public async Task SharedLinks_CreateListAlreadyExistsRevoke()
    {
        await Alice.PutAsync("/share/me.pdf", "pdf");

        var created = await Alice.RpcAsync("sharing/create_shared_link_with_settings", new JsonObject { ["path"] = "/share/me.pdf" });
        var again = await Alice.RpcAsync("sharing/create_shared_link_with_settings", new JsonObject { ["path"] = "/share/me.pdf" });
        var listed = await Alice.RpcAsync("sharing/list_shared_links", new JsonObject { ["path"] = "/share/me.pdf" });
        var url = created.Object["url"]!.GetValue<string>();
        var content = await Alice.Http.GetStringAsync(url);
        var revoked = await Alice.RpcAsync("sharing/revoke_shared_link", new JsonObject { ["url"] = url });
        var revokedAgain = await Alice.RpcAsync("sharing/revoke_shared_link", new JsonObject { ["url"] = url });

        created.Object[".tag"]!.GetValue<string>().ShouldBe("file");
        created.Object["link_permissions"]!["can_revoke"]!.GetValue<bool>().ShouldBeTrue();
        again.Error[".tag"]!.GetValue<string>().ShouldBe("shared_link_already_exists");
        again.Error["shared_link_already_exists"]!["metadata"]!["url"]!.GetValue<string>().ShouldBe(url);
        listed.Object["links"]!.AsArray().Count.ShouldBe(1);
        content.ShouldBe("pdf");
        revoked.Status.ShouldBe(HttpStatusCode.OK);
        revokedAgain.Error[".tag"]!.GetValue<string>().ShouldBe("shared_link_not_found");
        (await Alice.Http.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
