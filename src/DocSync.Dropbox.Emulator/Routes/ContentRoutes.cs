using System.Text.Json.Nodes;
using DocSync.Dropbox.Emulator.Model;
using DocSync.Dropbox.Emulator.Wire;

namespace DocSync.Dropbox.Emulator.Routes;

/// <summary>download, get_temporary_link, list_revisions and restore.</summary>
internal static class ContentRoutes
{
    private static readonly TimeSpan TemporaryLinkLifetime = TimeSpan.FromHours(4);

    public static void Register(RouteTable routes)
    {
        routes.Download("files/download", "files.content.read", Download)
            .Rpc("files/get_temporary_link", "files.content.read", GetTemporaryLink)
            .Rpc("files/list_revisions", "files.metadata.read", ListRevisions)
            .Rpc("files/restore", "files.content.write", Restore);
    }

    /// <summary>Resolves a readable file: its view and the version to serve.</summary>
    private static (View View, FileVersion Version) ReadFile(CallContext ctx, string path)
    {
        var target = RouteHelpers.Resolve(ctx, path);
        if (target.Revision is { } revision)
        {
            return (target.View, revision);
        }
        return target.Node switch
        {
            null => throw RouteErrorException.Nested("path", PathProblem.NotFound.Error),
            { IsFolder: true } => throw RouteErrorException.Nested("path", PathProblem.Of("not_file").Error),
            var node => (target.View, node.Current! with { PathDisplay = node.PathDisplay }),
        };
    }

    private static ValueTask<RouteResult> Download(CallContext ctx)
    {
        var path = ctx.Args.String("path", Patterns.ReadPath());
        var rev = ctx.Args.OptionalString("rev", Patterns.Rev(), minLength: 9);
        lock (ctx.State.Gate)
        {
            var (view, version) = ReadFile(ctx, rev is null ? path : "rev:" + rev);
            var metadata = Renderer.Untagged(Renderer.Revision(view, version));
            return ValueTask.FromResult(RouteResult.Download(metadata, ctx.State.Blobs.OpenRead(version.ContentHash), version.Size));
        }
    }

    private static ValueTask<RouteResult> GetTemporaryLink(CallContext ctx)
    {
        var path = ctx.Args.String("path", Patterns.ReadPath());
        lock (ctx.State.Gate)
        {
            var (view, version) = ReadFile(ctx, path);
            var token = ctx.State.RandomString(43);
            ctx.State.TemporaryLinks[token] = new TemporaryLink(view.Store.NamespaceId, version.Rev,
                version.PathDisplay[(version.PathDisplay.LastIndexOf('/') + 1)..], ctx.State.Now + TemporaryLinkLifetime);
            var link = $"{RouteHelpers.Origin(ctx)}/_links/temp/{token}/{Uri.EscapeDataString(version.PathDisplay[(version.PathDisplay.LastIndexOf('/') + 1)..])}";
            return ValueTask.FromResult(RouteResult.Of(new JsonObject
            {
                ["metadata"] = Renderer.Untagged(Renderer.Revision(view, version)),
                ["link"] = link,
            }));
        }
    }

    private static ValueTask<RouteResult> ListRevisions(CallContext ctx)
    {
        var args = ctx.Args;
        var path = args.String("path", Patterns.PathOrId());
        var mode = args.OptionalUnion("mode", ["path", "id"])?.Tag ?? "path";
        var limit = (int)args.Long("limit", 10, 1, 100);
        var beforeRev = args.OptionalString("before_rev", Patterns.Rev(), minLength: 9);
        lock (ctx.State.Gate)
        {
            var target = RouteHelpers.Resolve(ctx, path);
            var store = target.Store;
            if (target.Node is { IsFolder: true })
            {
                throw RouteErrorException.Nested("path", PathProblem.Of("not_file").Error);
            }
            var tombstone = target.Node is null ? store.Tombstones.GetValueOrDefault(target.AbsLower) : null;
            if (target.Node is null && tombstone is null)
            {
                throw RouteErrorException.Nested("path", PathProblem.NotFound.Error);
            }
            var fileId = target.Node?.Id ?? tombstone!.FileId;
            IEnumerable<FileVersion> versions = mode == "id"
                ? store.History.GetValueOrDefault(fileId) ?? []
                : store.History.Values.SelectMany(h => h).Where(v => v.PathLower == target.AbsLower);
            var ordered = versions.OrderByDescending(v => v.ServerModified).ThenByDescending(v => v.Rev, StringComparer.Ordinal).ToList();
            if (beforeRev is not null)
            {
                var index = ordered.FindIndex(v => v.Rev == beforeRev);
                if (index < 0)
                {
                    throw RouteErrorException.Void("invalid_before_rev");
                }
                ordered = ordered.Skip(index + 1).ToList();
            }
            var result = new JsonObject
            {
                ["is_deleted"] = target.Node is null,
            };
            if (target.Node is null && store.DeletedAt.TryGetValue(target.AbsLower, out var deletedAt))
            {
                result["server_deleted"] = DropboxJson.Timestamp(deletedAt);
            }
            result["entries"] = RouteHelpers.ToArray(ordered.Take(limit).Select(v => Renderer.Untagged(Renderer.Revision(target.View, v))));
            result["has_more"] = ordered.Count > limit;
            return ValueTask.FromResult(RouteResult.Of(result));
        }
    }

    private static async ValueTask<RouteResult> Restore(CallContext ctx)
    {
        var path = ctx.Args.String("path", Patterns.WritePath());
        var rev = ctx.Args.String("rev", Patterns.Rev(), minLength: 9);
        var store = RouteHelpers.StoreOf(ctx);
        var metadata = await RouteHelpers.CommitAsync(ctx, store, () =>
        {
            var target = RouteHelpers.Resolve(ctx, path, "path_lookup");
            if (!target.Store.Revisions.TryGetValue(rev, out var version))
            {
                throw RouteErrorException.Void("invalid_revision");
            }
            var info = new CommitInfo("overwrite", null, false, version.ClientModified, false);
            var restored = RouteHelpers.Wrap("path_write", () =>
                FileOps.Commit(ctx.State, target, version.Size, version.ContentHash, info, RouteHelpers.QuotaBytes(ctx.State, ctx.Account)));
            return Renderer.Untagged(Renderer.Revision(target.View, restored));
        });
        return RouteResult.Of(metadata);
    }
}
