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

    [Fact]
    public async Task StartBatchAndV1Append_BuildSessions()
    {
        var batch = await Alice.RpcAsync("files/upload_session/start_batch", new JsonObject { ["num_sessions"] = 2 });
        var ids = batch.Object["session_ids"]!.AsArray().Select(i => i!.GetValue<string>()).ToList();

        var append = await Alice.UploadAsync("files/upload_session/append", new JsonObject { ["session_id"] = ids[0], ["offset"] = 0 }, "abc"u8.ToArray());
        var finish = await Alice.UploadAsync("files/upload_session/finish",
            new JsonObject { ["cursor"] = new JsonObject { ["session_id"] = ids[0], ["offset"] = 3 }, ["commit"] = new JsonObject { ["path"] = "/v1append.txt" } }, []);
        var tooMany = await Alice.RpcAsync("files/upload_session/start_batch", new JsonObject { ["num_sessions"] = 1001 });

        ids.Count.ShouldBe(2);
        append.Status.ShouldBe(HttpStatusCode.OK);
        finish.Object["size"]!.GetValue<long>().ShouldBe(3);
        tooMany.Status.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task AppendBatch_SplitsTheBodyPerEntryAndReportsEachOne()
    {
        var batch = await Alice.RpcAsync("files/upload_session/start_batch", new JsonObject { ["num_sessions"] = 3 });
        var ids = batch.Object["session_ids"]!.AsArray().Select(i => i!.GetValue<string>()).ToList();
        JsonObject Entry(string id, long offset, long length) => new()
        {
            ["cursor"] = new JsonObject { ["session_id"] = id, ["offset"] = offset }, ["length"] = length, ["close"] = true,
        };

        var appended = await Alice.UploadAsync("files/upload_session/append_batch",
            new JsonObject { ["entries"] = new JsonArray(Entry(ids[0], 0, 3), Entry(ids[1], 0, 5), Entry(ids[2], 9, 2)) },
            "abcdefghij"u8.ToArray());
        var mismatch = await Alice.UploadAsync("files/upload_session/append_batch",
            new JsonObject { ["entries"] = new JsonArray(Entry(ids[2], 0, 4)) }, "xy"u8.ToArray());
        var finish = await Alice.RpcAsync("files/upload_session/finish_batch_v2", new JsonObject
        {
            ["entries"] = new JsonArray(
                new JsonObject { ["cursor"] = new JsonObject { ["session_id"] = ids[0], ["offset"] = 3 }, ["commit"] = new JsonObject { ["path"] = "/ab/1.txt" } },
                new JsonObject { ["cursor"] = new JsonObject { ["session_id"] = ids[1], ["offset"] = 5 }, ["commit"] = new JsonObject { ["path"] = "/ab/2.txt" } }),
        });

        var entries = appended.Object["entries"]!.AsArray();
        entries[0]![".tag"]!.GetValue<string>().ShouldBe("success");
        entries[1]![".tag"]!.GetValue<string>().ShouldBe("success");
        entries[2]!["failure"]![".tag"]!.GetValue<string>().ShouldBe("incorrect_offset");
        mismatch.Error[".tag"]!.GetValue<string>().ShouldBe("length_mismatch");
        finish.Object["entries"]!.AsArray().Select(e => e![".tag"]!.GetValue<string>()).ShouldBe(["success", "success"]);
        (await Alice.DownloadAsync("/ab/1.txt")).Text.ShouldBe("abc");
        (await Alice.DownloadAsync("/ab/2.txt")).Text.ShouldBe("defgh");
    }
}
