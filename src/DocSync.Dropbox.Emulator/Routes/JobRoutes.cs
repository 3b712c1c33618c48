using System.Text.Json.Nodes;
using DocSync.Dropbox.Emulator.Model;
using DocSync.Dropbox.Emulator.Wire;

namespace DocSync.Dropbox.Emulator.Routes;

/// <summary>Async batch jobs: launch answers an async_job_id, /check answers in_progress or the result.</summary>
internal static class JobRoutes
{
    /// <summary>Stores a finished result and answers <c>{".tag":"async_job_id",…}</c>.</summary>
    public static JsonObject Launch(CallContext ctx, string kind, JsonObject result)
    {
        lock (ctx.State.Gate)
        {
            var id = "dbjid:" + ctx.State.RandomString(44);
            ctx.State.Jobs[id] = new AsyncJob(kind, result, ctx.State.Now + ctx.State.Options.AsyncJobDelay);
            return DropboxJson.Tag("async_job_id", id);
        }
    }

    public static Func<CallContext, ValueTask<RouteResult>> Check(string kind) => ctx =>
    {
        var id = ctx.Args.String("async_job_id", minLength: 1);
        lock (ctx.State.Gate)
        {
            if (!ctx.State.Jobs.TryGetValue(id, out var job) || job.Kind != kind)
            {
                throw RouteErrorException.Void("invalid_async_job_id");
            }
            return ValueTask.FromResult(RouteResult.Of(job.ReadyAt > ctx.State.Now
                ? DropboxJson.Tag("in_progress")
                : job.Result.DeepClone()));
        }
    };
}
