using System.Text.Json.Nodes;
using DocSync.Dropbox.Emulator.Model;
using DocSync.Dropbox.Emulator.Wire;

namespace DocSync.Dropbox.Emulator.Routes;

/// <summary>files/upload and the upload session family.</summary>
internal static class UploadRoutes
{
    /// <summary>Largest file an upload session may build: 2^41 - 2^22 bytes.</summary>
    public const long MaxSessionBytes = (1L << 41) - (1L << 22);

    private const int ConcurrentChunkUnit = 4 * 1024 * 1024;

    public static void Register(RouteTable routes)
    {
        routes.Upload("files/upload", "files.content.write", Upload)
            .Upload("files/upload_session/start", "files.content.write", Start)
            .Upload("files/upload_session/append_v2", "files.content.write", Append)
            .Upload("files/upload_session/append", "files.content.write", AppendV1)
            .Rpc("files/upload_session/start_batch", "files.content.write", StartBatch)
            .Upload("files/upload_session/append_batch", "files.content.write", AppendBatch)
            .Upload("files/upload_session/finish", "files.content.write", Finish)
            .Rpc("files/upload_session/finish_batch_v2", "files.content.write", FinishBatchV2)
            .Rpc("files/upload_session/finish_batch", "files.content.write", FinishBatchV1)
            .Rpc("files/upload_session/finish_batch/check", "files.content.write", JobRoutes.Check("finish_batch"));
    }

    private static void VerifyHash(Args args, byte[] body)
    {
        if (args.OptionalString("content_hash", Patterns.ContentHash(), 64, 64) is { } expected
            && expected != ContentHasher.Compute(body))
        {
            throw RouteErrorException.Void("content_hash_mismatch");
        }
    }

    private static async ValueTask<RouteResult> Upload(CallContext ctx)
    {
        var args = ctx.Args;
        var path = args.String("path", Patterns.WritePathOrId());
        var info = RouteHelpers.ParseCommitInfo(args);
        VerifyHash(args, ctx.Body);
        var hash = ContentHasher.Compute(ctx.Body);
        ctx.State.Blobs.Put(hash, ctx.Body);
        var store = RouteHelpers.StoreOf(ctx);
        var version = await RouteHelpers.CommitAsync(ctx, store, () =>
        {
            try
            {
                var target = PathResolver.Resolve(ctx.State, ctx.View, ctx.Account, path, false, ctx.RequireCaller().App.AppFolder);
                return (FileOps.Commit(ctx.State, target, ctx.Body.LongLength, hash, info, RouteHelpers.QuotaBytes(ctx.State, ctx.Account)), target.View);
            }
            catch (PathProblem problem)
            {
                // The bytes stay in a closed session so the commit can be retried with finish.
                var session = NewSession(ctx, concurrent: false);
                session.Append(ctx.Body);
                session.Closed = true;
                throw new RouteErrorException(new JsonObject
                {
                    [".tag"] = "path",
                    ["reason"] = problem.Error,
                    ["upload_session_id"] = session.Id,
                });
            }
        });
        lock (ctx.State.Gate)
        {
            return RouteResult.Of(Renderer.Untagged(Renderer.Revision(version.View, version.Item1)));
        }
    }

    private static ValueTask<RouteResult> Start(CallContext ctx)
    {
        var args = ctx.Args;
        var close = args.Bool("close", false);
        var type = args.OptionalUnion("session_type", ["sequential", "concurrent"]);
        var concurrent = type?.Tag == "concurrent";
        VerifyHash(args, ctx.Body);
        if (concurrent && ctx.Body.Length > 0)
        {
            throw RouteErrorException.Void("concurrent_session_data_not_allowed");
        }
        if (concurrent && close)
        {
            throw RouteErrorException.Void("concurrent_session_close_not_allowed");
        }
        lock (ctx.State.Gate)
        {
            var session = NewSession(ctx, concurrent);
            session.Append(ctx.Body);
            session.Closed = close;
            return ValueTask.FromResult(RouteResult.Of(new JsonObject { ["session_id"] = session.Id }));
        }
    }

    private static ValueTask<RouteResult> Append(CallContext ctx) => AppendCore(ctx, ctx.Args.Object("cursor"), ctx.Args.Bool("close", false));

    /// <summary>The deprecated v1 append: the argument is the cursor itself and it never closes.</summary>
    private static ValueTask<RouteResult> AppendV1(CallContext ctx) => AppendCore(ctx, ctx.Args, close: false);

    private static ValueTask<RouteResult> StartBatch(CallContext ctx)
    {
        var count = ctx.Args.OptionalLong("num_sessions", 1, 1000) ?? throw ctx.Args.FieldFail("num_sessions", "missing required field");
        var concurrent = ctx.Args.OptionalUnion("session_type", ["sequential", "concurrent"])?.Tag == "concurrent";
        lock (ctx.State.Gate)
        {
            var ids = new JsonArray();
            for (var i = 0; i < count; i++)
            {
                ids.Add(NewSession(ctx, concurrent).Id);
            }
            return ValueTask.FromResult(RouteResult.Of(new JsonObject { ["session_ids"] = ids }));
        }
    }

    /// <summary>
    /// Appends to many sessions in one request: the body is the pieces concatenated in entry
    /// order, each entry saying its length. Entries succeed or fail one by one.
    /// </summary>
    private static ValueTask<RouteResult> AppendBatch(CallContext ctx)
    {
        var args = ctx.Args;
        var entries = args.List("entries", maxItems: 1000).Select(e =>
        {
            var entry = e.RequireObject();
            var cursor = entry.Object("cursor");
            if (!cursor.Has("offset"))
            {
                throw cursor.FieldFail("offset", "missing required field");
            }
            if (!entry.Has("length"))
            {
                throw entry.FieldFail("length", "missing required field");
            }
            return (SessionId: cursor.String("session_id"), Offset: cursor.Long("offset", 0, 0), Length: entry.Long("length", 0, 0), Close: entry.Bool("close", false));
        }).ToList();
        VerifyHash(args, ctx.Body);
        if (entries.Sum(e => e.Length) != ctx.Body.LongLength)
        {
            throw RouteErrorException.Void("length_mismatch");
        }
        lock (ctx.State.Gate)
        {
            var results = new JsonArray();
            var position = 0;
            foreach (var entry in entries)
            {
                var piece = ctx.Body.AsSpan(position, (int)entry.Length).ToArray();
                position += (int)entry.Length;
                try
                {
                    var session = Lookup(ctx, entry.SessionId, "");
                    AppendTo(session, entry.Offset, piece, entry.Close, "");
                    session.Closed |= entry.Close;
                    results.Add(DropboxJson.Tag("success"));
                }
                catch (RouteErrorException error)
                {
                    results.Add(DropboxJson.Tag("failure", error.Error));
                }
            }
            return ValueTask.FromResult(RouteResult.Of(new JsonObject { ["entries"] = results }));
        }
    }

    private static ValueTask<RouteResult> AppendCore(CallContext ctx, Args cursor, bool close)
    {
        var args = ctx.Args;
        var sessionId = cursor.String("session_id");
        var offset = cursor.Long("offset", 0, 0);
        if (!cursor.Has("offset"))
        {
            throw cursor.FieldFail("offset", "missing required field");
        }
        VerifyHash(args, ctx.Body);
        lock (ctx.State.Gate)
        {
            var session = Lookup(ctx, sessionId, "");
            AppendTo(session, offset, ctx.Body, close, "");
            session.Closed |= close;
            return ValueTask.FromResult(RouteResult.Null);
        }
    }

    /// <summary>Appends at an offset; errors are UploadSessionLookupError tags (wrapped when <paramref name="wrap"/> is set).</summary>
    private static void AppendTo(UploadSession session, long offset, byte[] body, bool close, string wrap)
    {
        if (session.Concurrent)
        {
            // Chunks of a concurrent session may arrive in any order, the closing one included;
            // only data past the closing chunk's end is refused.
            if (session.EndOffset is { } end && (offset >= end || close))
            {
                throw Lookup(wrap, DropboxJson.Tag("closed"));
            }
            if (offset % ConcurrentChunkUnit != 0)
            {
                throw Lookup(wrap, DropboxJson.Tag("concurrent_session_invalid_offset"));
            }
            if (!close && body.Length % ConcurrentChunkUnit != 0)
            {
                throw Lookup(wrap, DropboxJson.Tag("concurrent_session_invalid_data_size"));
            }
            session.AppendAt(offset, body);
            if (close)
            {
                session.EndOffset = offset + body.Length;
            }
            return;
        }
        if (session.Closed)
        {
            throw Lookup(wrap, DropboxJson.Tag("closed"));
        }
        if (offset != session.Length)
        {
            throw Lookup(wrap, new JsonObject { [".tag"] = "incorrect_offset", ["correct_offset"] = session.Length });
        }
        if (session.Length + body.Length > MaxSessionBytes)
        {
            throw Lookup(wrap, DropboxJson.Tag("too_large"));
        }
        session.Append(body);
    }

    private static RouteErrorException Lookup(string wrap, JsonObject error) =>
        wrap.Length == 0 ? new RouteErrorException(error) : RouteErrorException.Nested(wrap, error);

    private static UploadSession Lookup(CallContext ctx, string sessionId, string wrap)
    {
        var key = ctx.Account.AccountId;
        if (!ctx.State.Sessions.TryGetValue(sessionId, out var session) || session.AccountKey != key
            || session.ExpiresAt <= ctx.State.Now)
        {
            throw Lookup(wrap, DropboxJson.Tag("not_found"));
        }
        return session;
    }

    private static UploadSession NewSession(CallContext ctx, bool concurrent)
    {
        var id = "pid_upload_session:" + ctx.State.RandomString(40);
        var session = new UploadSession(id, ctx.Account.AccountId, concurrent, ctx.State.Now.AddDays(7), ctx.State.Blobs.SessionDirectory);
        ctx.State.Sessions.Add(id, session);
        return session;
    }

    private static async ValueTask<RouteResult> Finish(CallContext ctx)
    {
        var args = ctx.Args;
        VerifyHash(args, ctx.Body);
        var finish = ParseFinish(args);
        var store = RouteHelpers.StoreOf(ctx);
        var result = await RouteHelpers.CommitAsync(ctx, store, () =>
        {
            var entry = FinishOne(ctx, finish, ctx.Body);
            return entry is JsonObject { } ok && ok[".tag"]?.GetValue<string>() == "success"
                ? ok
                : throw new RouteErrorException((JsonObject)entry["failure"]!.DeepClone());
        });
        result.Remove(".tag");
        return RouteResult.Of(result);
    }

    private sealed record FinishArg(string SessionId, long Offset, string Path, CommitInfo Info);

    private static FinishArg ParseFinish(Args args)
    {
        var cursor = args.Object("cursor");
        var commit = args.Object("commit");
        if (!cursor.Has("offset"))
        {
            throw cursor.FieldFail("offset", "missing required field");
        }
        return new FinishArg(
            cursor.String("session_id"),
            cursor.Long("offset", 0, 0),
            commit.String("path", Patterns.WritePathOrId()),
            RouteHelpers.ParseCommitInfo(commit));
    }

    /// <summary>
    /// Finishes one session under the gate: <c>{".tag":"success", …FileMetadata}</c> or
    /// <c>{".tag":"failure","failure":UploadSessionFinishError}</c>.
    /// </summary>
    private static JsonObject FinishOne(CallContext ctx, FinishArg finish, byte[] body)
    {
        try
        {
            var session = Lookup(ctx, finish.SessionId, "lookup_failed");
            if (session.Concurrent)
            {
                if (body.Length > 0)
                {
                    throw RouteErrorException.Void("concurrent_session_data_not_allowed");
                }
                if (!session.Closed)
                {
                    throw RouteErrorException.Void("concurrent_session_not_closed");
                }
                if (!session.ChunksContiguous())
                {
                    throw RouteErrorException.Void("concurrent_session_missing_data");
                }
            }
            else if (body.Length > 0 || !session.Closed || finish.Offset != session.Length)
            {
                AppendTo(session, finish.Offset, body, close: true, "lookup_failed");
            }
            session.Closed = true;
            var hash = session.ContentHash();
            var size = session.Length;
            if (!ctx.State.Blobs.Contains(hash))
            {
                // The bytes move into the blob store now; a commit that fails on its path can be
                // retried from the session, which keeps its hash and size.
                if (session.InMemory)
                {
                    ctx.State.Blobs.Put(hash, session.MemoryBytes);
                }
                else
                {
                    ctx.State.Blobs.PutFile(hash, session.FilePath);
                }
            }
            try
            {
                var target = PathResolver.Resolve(ctx.State, ctx.View, ctx.Account, finish.Path, false, ctx.RequireCaller().App.AppFolder);
                var version = FileOps.Commit(ctx.State, target, size, hash, finish.Info, RouteHelpers.QuotaBytes(ctx.State, ctx.Account));
                ctx.State.Sessions.Remove(session.Id);
                session.Dispose();
                return DropboxJson.Inline("success", Renderer.Untagged(Renderer.Revision(target.View, version)));
            }
            catch (PathProblem problem)
            {
                throw RouteErrorException.Nested("path", problem.Error);
            }
        }
        catch (RouteErrorException error)
        {
            return DropboxJson.Tag("failure", error.Error);
        }
    }

    private static IReadOnlyList<FinishArg> ParseBatch(Args args) =>
        args.List("entries", maxItems: 1000).Select(e => ParseFinish(e.RequireObject())).ToList();

    private static JsonArray FinishBatch(CallContext ctx, IReadOnlyList<FinishArg> entries)
    {
        var results = new JsonArray();
        foreach (var entry in entries)
        {
            // A batch commits only sessions that were closed by their last append.
            var closed = ctx.State.Sessions.TryGetValue(entry.SessionId, out var session) && session.Closed;
            results.Add(session is not null && !closed
                ? DropboxJson.Tag("failure", RouteErrorException.Nested("lookup_failed", DropboxJson.Tag("not_closed")).Error)
                : FinishOne(ctx, entry, []));
        }
        return results;
    }

    private static async ValueTask<RouteResult> FinishBatchV2(CallContext ctx)
    {
        var entries = ParseBatch(ctx.Args);
        var store = RouteHelpers.StoreOf(ctx);
        var results = await RouteHelpers.CommitAsync(ctx, store, () => FinishBatch(ctx, entries));
        return RouteResult.Of(new JsonObject { ["entries"] = results });
    }

    private static async ValueTask<RouteResult> FinishBatchV1(CallContext ctx)
    {
        var entries = ParseBatch(ctx.Args);
        var store = RouteHelpers.StoreOf(ctx);
        var results = await RouteHelpers.CommitAsync(ctx, store, () => FinishBatch(ctx, entries));
        return RouteResult.Of(JobRoutes.Launch(ctx, "finish_batch", new JsonObject { [".tag"] = "complete", ["entries"] = results }));
    }
}
