using System.Text.Json.Nodes;
using DocSync.Dropbox.Emulator.Model;
using DocSync.Dropbox.Emulator.Wire;

namespace DocSync.Dropbox.Emulator.Routes;

/// <summary>Folders, deletes, moves and copies, single and batched.</summary>
internal static class WriteRoutes
{
    public static void Register(RouteTable routes)
    {
        routes.Rpc("files/create_folder_v2", "files.content.write", CreateFolder)
            .Rpc("files/create_folder_batch", "files.content.write", CreateFolderBatch)
            .Rpc("files/create_folder_batch/check", "files.content.write", JobRoutes.Check("create_folder_batch"))
            .Rpc("files/delete_v2", "files.content.write", Delete)
            .Rpc("files/delete_batch", "files.content.write", DeleteBatch)
            .Rpc("files/delete_batch/check", "files.content.write", JobRoutes.Check("delete_batch"))
            .Rpc("files/move_v2", "files.content.write", ctx => Relocate(ctx, copy: false))
            .Rpc("files/copy_v2", "files.content.write", ctx => Relocate(ctx, copy: true))
            .Rpc("files/move_batch_v2", "files.content.write", ctx => RelocateBatch(ctx, copy: false))
            .Rpc("files/move_batch/check_v2", "files.content.write", JobRoutes.Check("move_batch"))
            .Rpc("files/copy_batch_v2", "files.content.write", ctx => RelocateBatch(ctx, copy: true))
            .Rpc("files/copy_batch/check_v2", "files.content.write", JobRoutes.Check("copy_batch"));
    }

    private static JsonObject CreateFolderCore(CallContext ctx, string path, bool autorename)
    {
        var target = RouteHelpers.Resolve(ctx, path);
        var node = RouteHelpers.Wrap("path", () => FileOps.CreateFolder(ctx.State, target, autorename));
        return new JsonObject { ["metadata"] = Renderer.Untagged(Renderer.Folder(target.View, node)) };
    }

    private static async ValueTask<RouteResult> CreateFolder(CallContext ctx)
    {
        var path = ctx.Args.String("path", Patterns.WritePath());
        var autorename = ctx.Args.Bool("autorename", false);
        var store = RouteHelpers.StoreOf(ctx);
        return RouteResult.Of(await RouteHelpers.CommitAsync(ctx, store, () => CreateFolderCore(ctx, path, autorename)));
    }

    private static async ValueTask<RouteResult> CreateFolderBatch(CallContext ctx)
    {
        var paths = ctx.Args.StringList("paths", Patterns.WritePath(), maxItems: 10_000);
        var autorename = ctx.Args.Bool("autorename", false);
        var forceAsync = ctx.Args.Bool("force_async", false);
        var store = RouteHelpers.StoreOf(ctx);
        var entries = await RouteHelpers.CommitAsync(ctx, store, () => RouteHelpers.ToArray(paths.Select(path =>
        {
            try
            {
                return (JsonNode)DropboxJson.Inline("success", CreateFolderCore(ctx, path, autorename));
            }
            catch (RouteErrorException error)
            {
                return DropboxJson.Tag("failure", error.Error);
            }
        })));
        var complete = new JsonObject { [".tag"] = "complete", ["entries"] = entries };
        return RouteResult.Of(forceAsync ? JobRoutes.Launch(ctx, "create_folder_batch", complete) : complete);
    }

    private static JsonObject DeleteCore(CallContext ctx, string path, string? parentRev)
    {
        var target = RouteHelpers.Resolve(ctx, path, "path_lookup");
        if (target.Node is null)
        {
            throw RouteErrorException.Nested("path_lookup", PathProblem.NotFound.Error);
        }
        if (parentRev is not null && (target.Node.IsFolder || target.Node.Current!.Rev != parentRev))
        {
            throw RouteErrorException.Nested("path_write", PathProblem.Conflict(target.Node.IsFolder ? "folder" : "file").Error);
        }
        var metadata = Renderer.Metadata(target.View, target.Node);
        RouteHelpers.Wrap("path_write", () => FileOps.Delete(ctx.State, target));
        return new JsonObject { ["metadata"] = metadata };
    }

    private static async ValueTask<RouteResult> Delete(CallContext ctx)
    {
        var path = ctx.Args.String("path", Patterns.WritePathOrId());
        var parentRev = ctx.Args.OptionalString("parent_rev", Patterns.Rev(), minLength: 9);
        var store = RouteHelpers.StoreOf(ctx);
        return RouteResult.Of(await RouteHelpers.CommitAsync(ctx, store, () => DeleteCore(ctx, path, parentRev)));
    }

    private static async ValueTask<RouteResult> DeleteBatch(CallContext ctx)
    {
        var entries = ctx.Args.List("entries", maxItems: 1000)
            .Select(e => (Path: e.RequireObject().String("path", Patterns.WritePathOrId()), ParentRev: e.OptionalString("parent_rev", Patterns.Rev(), minLength: 9)))
            .ToList();
        var store = RouteHelpers.StoreOf(ctx);
        var results = await RouteHelpers.CommitAsync(ctx, store, () => RouteHelpers.ToArray(entries.Select(entry =>
        {
            try
            {
                return (JsonNode)DropboxJson.Inline("success", DeleteCore(ctx, entry.Path, entry.ParentRev));
            }
            catch (RouteErrorException error)
            {
                return DropboxJson.Tag("failure", error.Error);
            }
        })));
        return RouteResult.Of(JobRoutes.Launch(ctx, "delete_batch", new JsonObject { [".tag"] = "complete", ["entries"] = results }));
    }

    private static JsonObject RelocateCore(CallContext ctx, string fromPath, string toPath, bool autorename, bool copy)
    {
        var from = RouteHelpers.Resolve(ctx, fromPath, "from_lookup");
        ResolvedPath to;
        try
        {
            to = PathResolver.Resolve(ctx.State, ctx.View, ctx.Account, toPath, false, ctx.RequireCaller().App.AppFolder);
        }
        catch (PathProblem problem)
        {
            throw RouteErrorException.Nested("to", problem.Error);
        }
        try
        {
            var node = copy
                ? FileOps.Copy(ctx.State, from, to, autorename, RouteHelpers.QuotaBytes(ctx.State, ctx.Account))
                : FileOps.Move(ctx.State, from, to, autorename);
            return Renderer.Metadata(to.View, node);
        }
        catch (RelocationProblem problem)
        {
            throw new RouteErrorException(problem.ToJson());
        }
    }

    private static (string From, string To) ParseRelocation(Args args) =>
        (args.String("from_path", Patterns.WritePathOrId()), args.String("to_path", Patterns.WritePathOrId()));

    private static async ValueTask<RouteResult> Relocate(CallContext ctx, bool copy)
    {
        var (fromPath, toPath) = ParseRelocation(ctx.Args);
        var autorename = ctx.Args.Bool("autorename", false);
        ctx.Args.Bool("allow_shared_folder", false);
        ctx.Args.Bool("allow_ownership_transfer", false);
        var store = RouteHelpers.StoreOf(ctx);
        var metadata = await RouteHelpers.CommitAsync(ctx, store, () => RelocateCore(ctx, fromPath, toPath, autorename, copy));
        return RouteResult.Of(new JsonObject { ["metadata"] = metadata });
    }

    private static async ValueTask<RouteResult> RelocateBatch(CallContext ctx, bool copy)
    {
        var entries = ctx.Args.List("entries", maxItems: 1000).Select(e => ParseRelocation(e.RequireObject())).ToList();
        var autorename = ctx.Args.Bool("autorename", false);
        ctx.Args.Bool("allow_ownership_transfer", false);
        var store = RouteHelpers.StoreOf(ctx);
        var results = await RouteHelpers.CommitAsync(ctx, store, () => RouteHelpers.ToArray(entries.Select(entry =>
        {
            try
            {
                return (JsonNode)DropboxJson.Tag("success", RelocateCore(ctx, entry.From, entry.To, autorename, copy));
            }
            catch (RouteErrorException error)
            {
                return DropboxJson.Tag("failure", DropboxJson.Tag("relocation_error", error.Error));
            }
        })));
        var complete = new JsonObject { [".tag"] = "complete", ["entries"] = results };
        return RouteResult.Of(JobRoutes.Launch(ctx, copy ? "copy_batch" : "move_batch", complete));
    }
}
