using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using DocSync.Dropbox.Emulator.Model;
using DocSync.Dropbox.Emulator.Tests.Infrastructure;

namespace DocSync.Dropbox.Emulator.Tests.Routes;

public sealed class UploadSessionTests : EmulatorFixture
{
    private static JsonObject Cursor(string session, long offset) => new() { ["session_id"] = session, ["offset"] = offset };

    private async Task<string> StartAsync(byte[] first, bool close = false)
    {
        var response = await Alice.UploadAsync("files/upload_session/start", new JsonObject { ["close"] = close }, first);
        response.Status.ShouldBe(HttpStatusCode.OK, response.ToString());
        return response.Object["session_id"]!.GetValue<string>();
    }

    [Fact]
    public async Task StartAppendFinish_CommitsTheWholeFileWithPerCallHashes()
    {
        var data = RandomNumberGenerator.GetBytes(300_000);
        var session = await StartAsync(data[..100_000]);

        var append = await Alice.UploadAsync("files/upload_session/append_v2",
            new JsonObject { ["cursor"] = Cursor(session, 100_000), ["content_hash"] = ContentHasher.Compute(data[100_000..200_000]) },
            data[100_000..200_000]);
        var finish = await Alice.UploadAsync("files/upload_session/finish",
            new JsonObject { ["cursor"] = Cursor(session, 200_000), ["commit"] = new JsonObject { ["path"] = "/big.bin" } },
            data[200_000..]);

        append.Status.ShouldBe(HttpStatusCode.OK);
        append.Text.ShouldBe("null");
        finish.Status.ShouldBe(HttpStatusCode.OK, finish.ToString());
        finish.Object["size"]!.GetValue<long>().ShouldBe(300_000);
        finish.Object["content_hash"]!.GetValue<string>().ShouldBe(ContentHasher.Compute(data));
        (await Alice.DownloadAsync("/big.bin")).Body.ShouldBe(data);
    }

    [Fact]
    public async Task Append_WrongOffset_AnswersIncorrectOffsetWithCorrectOffset()
    {
        var session = await StartAsync(new byte[10]);

        var response = await Alice.UploadAsync("files/upload_session/append_v2", new JsonObject { ["cursor"] = Cursor(session, 4) }, new byte[5]);

        response.Status.ShouldBe(HttpStatusCode.Conflict);
        response.Error[".tag"]!.GetValue<string>().ShouldBe("incorrect_offset");
        response.Error["correct_offset"]!.GetValue<long>().ShouldBe(10);
    }

    [Fact]
    public async Task Append_ToClosedSession_AnswersClosed()
    {
        var session = await StartAsync(new byte[3], close: true);

        var response = await Alice.UploadAsync("files/upload_session/append_v2", new JsonObject { ["cursor"] = Cursor(session, 3) }, new byte[1]);

        response.Error[".tag"]!.GetValue<string>().ShouldBe("closed");
    }

    [Fact]
    public async Task Append_UnknownSession_AnswersNotFound()
    {
        var response = await Alice.UploadAsync("files/upload_session/append_v2", new JsonObject { ["cursor"] = Cursor("pid_upload_session:nope", 0) }, new byte[1]);

        response.Error[".tag"]!.GetValue<string>().ShouldBe("not_found");
    }

    [Fact]
    public async Task Session_OfAnotherAccount_IsNotFound()
    {
        var session = await StartAsync(new byte[3]);
        var bob = ClientFor(WorldSeeder.BobEmail);

        var response = await bob.UploadAsync("files/upload_session/append_v2", new JsonObject { ["cursor"] = Cursor(session, 3) }, new byte[1]);

        response.Error[".tag"]!.GetValue<string>().ShouldBe("not_found");
    }

    [Fact]
    public async Task Finish_AfterPathError_KeepsDataForARetry()
    {
        await Alice.PutAsync("/taken.txt", "x");
        var session = await StartAsync("payload"u8.ToArray(), close: true);

        var failed = await Alice.UploadAsync("files/upload_session/finish",
            new JsonObject { ["cursor"] = Cursor(session, 7), ["commit"] = new JsonObject { ["path"] = "/taken.txt" } }, []);
        var retried = await Alice.UploadAsync("files/upload_session/finish",
            new JsonObject { ["cursor"] = Cursor(session, 7), ["commit"] = new JsonObject { ["path"] = "/free.txt" } }, []);

        failed.Summary.ShouldStartWith("path/conflict/file/");
        retried.Status.ShouldBe(HttpStatusCode.OK, retried.ToString());
        (await Alice.DownloadAsync("/free.txt")).Text.ShouldBe("payload");
    }

    [Fact]
    public async Task Finish_Twice_SecondAnswersLookupFailedNotFound()
    {
        var session = await StartAsync("once"u8.ToArray(), close: true);
        var arg = new JsonObject { ["cursor"] = Cursor(session, 4), ["commit"] = new JsonObject { ["path"] = "/once.txt" } };

        var first = await Alice.UploadAsync("files/upload_session/finish", arg, []);
        var second = await Alice.UploadAsync("files/upload_session/finish", arg.DeepClone(), []);

        first.Status.ShouldBe(HttpStatusCode.OK);
        second.Summary.ShouldStartWith("lookup_failed/not_found/");
    }

    [Fact]
    public async Task FinishBatchV2_CommitsClosedSessionsAndReportsUnclosedOnes()
    {
        var closed = await StartAsync("a"u8.ToArray(), close: true);
        var open = await StartAsync("b"u8.ToArray());

        var response = await Alice.RpcAsync("files/upload_session/finish_batch_v2", new JsonObject
        {
            ["entries"] = new JsonArray(
                new JsonObject { ["cursor"] = Cursor(closed, 1), ["commit"] = new JsonObject { ["path"] = "/batch/a.txt" } },
                new JsonObject { ["cursor"] = Cursor(open, 1), ["commit"] = new JsonObject { ["path"] = "/batch/b.txt" } }),
        });

        var entries = response.Object["entries"]!.AsArray();
        entries[0]![".tag"]!.GetValue<string>().ShouldBe("success");
        entries[0]!["path_display"]!.GetValue<string>().ShouldBe("/batch/a.txt");
        entries[1]![".tag"]!.GetValue<string>().ShouldBe("failure");
        entries[1]!["failure"]![".tag"]!.GetValue<string>().ShouldBe("lookup_failed");
        entries[1]!["failure"]!["lookup_failed"]![".tag"]!.GetValue<string>().ShouldBe("not_closed");
    }

    [Fact]
    public async Task FinishBatchV2_MoreThan1000Entries_Answers400()
    {
        var entries = new JsonArray();
        for (var i = 0; i < 1001; i++)
        {
            entries.Add(new JsonObject { ["cursor"] = Cursor("pid_upload_session:x", 0), ["commit"] = new JsonObject { ["path"] = $"/f{i}" } });
        }

        var response = await Alice.RpcAsync("files/upload_session/finish_batch_v2", new JsonObject { ["entries"] = entries });

        response.Status.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task FinishBatchV1_AnswersAsyncJobThenCheckCompletes()
    {
        var session = await StartAsync("v1"u8.ToArray(), close: true);

        var launch = await Alice.RpcAsync("files/upload_session/finish_batch", new JsonObject
        {
            ["entries"] = new JsonArray(new JsonObject { ["cursor"] = Cursor(session, 2), ["commit"] = new JsonObject { ["path"] = "/v1.txt" } }),
        });
        var job = launch.Object["async_job_id"]!.GetValue<string>();
        var check = await Alice.RpcAsync("files/upload_session/finish_batch/check", new JsonObject { ["async_job_id"] = job });
        var bogus = await Alice.RpcAsync("files/upload_session/finish_batch/check", new JsonObject { ["async_job_id"] = "dbjid:nope" });

        launch.Object[".tag"]!.GetValue<string>().ShouldBe("async_job_id");
        check.Object[".tag"]!.GetValue<string>().ShouldBe("complete");
        check.Object["entries"]![0]![".tag"]!.GetValue<string>().ShouldBe("success");
        bogus.Error[".tag"]!.GetValue<string>().ShouldBe("invalid_async_job_id");
    }

    [Fact]
    public async Task ConcurrentSession_ChunksAppendedOutOfOrder_Assemble()
    {
        const int unit = 4 * 1024 * 1024;
        var data = RandomNumberGenerator.GetBytes(unit + 100);
        var start = await Alice.UploadAsync("files/upload_session/start",
            new JsonObject { ["session_type"] = new JsonObject { [".tag"] = "concurrent" } }, []);
        var session = start.Object["session_id"]!.GetValue<string>();

        var tail = await Alice.UploadAsync("files/upload_session/append_v2", new JsonObject { ["cursor"] = Cursor(session, unit), ["close"] = true }, data[unit..]);
        var head = await Alice.UploadAsync("files/upload_session/append_v2", new JsonObject { ["cursor"] = Cursor(session, 0) }, data[..unit]);
        var odd = await Alice.UploadAsync("files/upload_session/append_v2", new JsonObject { ["cursor"] = Cursor(session, 17) }, new byte[3]);
        var finish = await Alice.UploadAsync("files/upload_session/finish",
            new JsonObject { ["cursor"] = Cursor(session, data.Length), ["commit"] = new JsonObject { ["path"] = "/concurrent.bin" } }, []);

        tail.Status.ShouldBe(HttpStatusCode.OK, tail.ToString());
        head.Status.ShouldBe(HttpStatusCode.OK, head.ToString());
        odd.Status.ShouldBe(HttpStatusCode.Conflict);
        finish.Status.ShouldBe(HttpStatusCode.OK, finish.ToString());
        finish.Object["content_hash"]!.GetValue<string>().ShouldBe(ContentHasher.Compute(data));
    }
}
