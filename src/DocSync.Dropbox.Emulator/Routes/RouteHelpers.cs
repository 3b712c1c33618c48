using System.Text.Json.Nodes;
using DocSync.Dropbox.Emulator.Model;
using DocSync.Dropbox.Emulator.Wire;

namespace DocSync.Dropbox.Emulator.Routes;

/// <summary>Helpers shared by route handlers.</summary>
internal static class RouteHelpers
{
    /// <summary>Resolves a path under the gate, wrapping a lookup problem in the route's union member.</summary>
    public static ResolvedPath Resolve(CallContext ctx, string path, string wrapTag = "path", bool allowRoot = false)
    {
        try
        {
            return PathResolver.Resolve(ctx.State, ctx.View, ctx.Account, path, allowRoot, ctx.RequireCaller().App.AppFolder);
        }
        catch (PathProblem problem)
        {
            throw RouteErrorException.Nested(wrapTag, problem.Error);
        }
    }

    /// <summary>Runs a write problem through the route's union member.</summary>
    public static T Wrap<T>(string wrapTag, Func<T> action)
    {
        try
        {
            return action();
        }
        catch (PathProblem problem)
        {
            throw RouteErrorException.Nested(wrapTag, problem.Error);
        }
    }

    /// <summary>
    /// The scheme and host the client reached (links are served there): the request's own, or with
    /// <see cref="EmulatorOptions.TrustForwardedHeaders"/> those a TLS front passed in
    /// <c>X-Forwarded-Proto</c> / <c>X-Forwarded-Host</c>.
    /// </summary>
    public static string Origin(CallContext ctx)
    {
        var request = ctx.Http.Request;
        var scheme = request.Scheme;
        var host = request.Host.Value;
        if (ctx.State.Options.TrustForwardedHeaders)
        {
            // A chain of proxies lists the first (the one the client reached) first.
            static string? First(string value) => value.Split(',')[0].Trim() is { Length: > 0 } first ? first : null;
            scheme = First(request.Headers["X-Forwarded-Proto"].ToString()) is { } proto && (proto is "http" or "https") ? proto : scheme;
            host = First(request.Headers["X-Forwarded-Host"].ToString()) ?? host;
        }
        return $"{scheme}://{host}";
    }

    /// <summary>Bytes the caller may still store: a team member shares the team's quota.</summary>
    public static long QuotaBytes(EmulatorState state, Account account) =>
        state.TeamOf(account)?.QuotaBytes ?? account.QuotaBytes;

    public static CommitInfo ParseCommitInfo(Args args)
    {
        var mode = args.OptionalUnion("mode", ["add", "overwrite", "update"]);
        string? updateRev = null;
        if (mode?.Tag == "update")
        {
            updateRev = mode.Value.Value?.String("update", Patterns.Rev(), minLength: 9)
                ?? throw args.FieldFail("mode", "'update' needs a rev");
        }
        DateTimeOffset? clientModified = null;
        if (args.OptionalString("client_modified") is { } text)
        {
            clientModified = DropboxJson.ParseTimestamp(text)
                ?? throw args.FieldFail("client_modified", $"time data '{text}' does not match format '%Y-%m-%dT%H:%M:%SZ'");
        }
        args.Bool("mute", false);
        return new CommitInfo(mode?.Tag ?? "add", updateRev, args.Bool("autorename", false), clientModified, args.Bool("strict_conflict", false));
    }

    /// <summary>
    /// Runs a commit inside the store's namespace lock, as Dropbox serialises commits per namespace.
    /// A lock that stays busy answers 429 too_many_write_operations.
    /// </summary>
    public static async ValueTask<T> CommitAsync<T>(CallContext ctx, Store store, Func<T> commit)
    {
        var state = ctx.State;
        if (!await store.CommitLock.WaitAsync(state.Options.NamespaceLockWait, ctx.Http.RequestAborted))
        {
            throw new RateLimitedException("too_many_write_operations", 1);
        }
        try
        {
            if (state.Options.CommitHoldTime > TimeSpan.Zero)
            {
                await Task.Delay(state.Options.CommitHoldTime, ctx.Http.RequestAborted);
            }
            T result;
            lock (state.Gate)
            {
                result = commit();
            }
            state.NotifyChanged(store);
            return result;
        }
        finally
        {
            store.CommitLock.Release();
        }
    }

    /// <summary>Store of the caller's view (under the gate).</summary>
    public static Store StoreOf(CallContext ctx)
    {
        lock (ctx.State.Gate)
        {
            return ctx.View.Store;
        }
    }

    public static JsonArray ToArray(IEnumerable<JsonNode?> items)
    {
        var array = new JsonArray();
        foreach (var item in items)
        {
            array.Add(item);
        }
        return array;
    }
}
