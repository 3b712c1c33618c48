using System.Text.Json.Nodes;
using DocSync.Dropbox.Emulator.Model;
using DocSync.Dropbox.Emulator.Wire;

namespace DocSync.Dropbox.Emulator.Routes;

/// <summary>Shared links: create with settings, list, revoke.</summary>
internal static class SharingRoutes
{
    public static void Register(RouteTable routes)
    {
        routes.Rpc("sharing/create_shared_link_with_settings", "sharing.write", Create)
            .Rpc("sharing/list_shared_links", "sharing.read", List)
            .Rpc("sharing/revoke_shared_link", "sharing.write", Revoke);
    }

    private static ValueTask<RouteResult> Create(CallContext ctx)
    {
        var args = ctx.Args;
        var path = args.String("path", Patterns.ReadPath());
        var settings = args.OptionalObject("settings");
        var audience = settings?.OptionalUnion("audience", ["public", "team", "no_one", "password", "members"])?.Tag;
        var visibility = settings?.OptionalUnion("requested_visibility", ["public", "team_only", "password"])?.Tag;
        var access = settings?.OptionalUnion("access", ["viewer", "editor", "max", "default"])?.Tag ?? "viewer";
        var password = settings?.OptionalString("link_password");
        var requirePassword = settings?.Bool("require_password", false) ?? false;
        var allowDownload = settings?.Bool("allow_download", true) ?? true;
        DateTimeOffset? expires = null;
        if (settings?.OptionalString("expires") is { } text)
        {
            expires = DropboxJson.ParseTimestamp(text)
                ?? throw settings.FieldFail("expires", $"time data '{text}' does not match format '%Y-%m-%dT%H:%M:%SZ'");
        }
        var wantsPassword = requirePassword || visibility == "password" || audience == "password" || !string.IsNullOrEmpty(password);
        var wantsTeam = visibility == "team_only" || audience == "team";
        lock (ctx.State.Gate)
        {
            // As the spec's SharedLinkSettingsError.not_authorized says: a basic account may only ask
            // for public visibility and no expiry (nor a password); audience team needs a team.
            var basic = ctx.Account.AccountType == "basic" && ctx.State.TeamOf(ctx.Account) is null;
            if ((basic && (expires is not null || wantsPassword)) || (wantsTeam && ctx.State.TeamOf(ctx.Account) is null))
            {
                throw RouteErrorException.Nested("settings_error", DropboxJson.Tag("not_authorized"));
            }
        }
        if ((requirePassword || visibility == "password" || audience == "password") && string.IsNullOrEmpty(password))
        {
            throw RouteErrorException.Nested("settings_error", DropboxJson.Tag("invalid_settings"));
        }
        lock (ctx.State.Gate)
        {
            var target = RouteHelpers.Resolve(ctx, path);
            var node = target.Node ?? throw RouteErrorException.Nested("path", PathProblem.NotFound.Error);
            if (expires is { } e && e <= ctx.State.Now)
            {
                throw RouteErrorException.Nested("settings_error", DropboxJson.Tag("invalid_settings"));
            }
            var existing = ctx.State.SharedLinks.Values.FirstOrDefault(l => !l.Revoked && l.NodeId == node.Id && l.AccountId == ctx.Account.AccountId);
            if (existing is not null)
            {
                // Dropbox omits the existing link's metadata when the requested settings could clash with it.
                var payload = settings is null ? DropboxJson.Tag("metadata", Render(ctx, existing)) : null;
                throw new RouteErrorException(payload is null
                    ? DropboxJson.Tag("shared_link_already_exists")
                    : DropboxJson.Tag("shared_link_already_exists", payload));
            }
            var id = ctx.State.RandomString(15).ToLowerInvariant();
            var link = new SharedLink
            {
                Id = "id:" + id,
                Url = $"{RouteHelpers.Origin(ctx)}/s/{id}/{Uri.EscapeDataString(node.Name)}?dl=0",
                AccountId = ctx.Account.AccountId,
                StoreNamespaceId = target.Store.NamespaceId,
                NodeId = node.Id,
                Expires = expires,
                Audience = audience ?? (visibility == "team_only" ? "team" : "public"),
                Access = access,
                AllowDownload = allowDownload,
                Password = password,
            };
            ctx.State.SharedLinks[link.Url] = link;
            ctx.State.NotifyMutated();
            return ValueTask.FromResult(RouteResult.Of(Render(ctx, link)));
        }
    }

    private static ValueTask<RouteResult> List(CallContext ctx)
    {
        var args = ctx.Args;
        var path = args.OptionalString("path", Patterns.ReadPath());
        var cursor = args.OptionalString("cursor");
        var directOnly = args.Bool("direct_only", false);
        lock (ctx.State.Gate)
        {
            var links = ctx.State.SharedLinks.Values
                .Where(l => !l.Revoked && l.AccountId == ctx.Account.AccountId && ctx.View.Store.NamespaceId == l.StoreNamespaceId)
                .Where(l => ctx.View.Store.GetById(l.NodeId) is { } n && ctx.View.Contains(n.PathLower));
            if (cursor is not null && !int.TryParse(cursor, System.Globalization.CultureInfo.InvariantCulture, out _))
            {
                throw RouteErrorException.Void("reset");
            }
            if (path is not null)
            {
                var target = RouteHelpers.Resolve(ctx, path);
                var node = target.Node ?? throw RouteErrorException.Nested("path", PathProblem.NotFound.Error);
                links = links.Where(l =>
                {
                    var linked = ctx.View.Store.GetById(l.NodeId)!;
                    return linked == node || (!directOnly && linked.IsFolder && node.PathLower.StartsWith(linked.PathLower + "/", StringComparison.Ordinal));
                });
            }
            var result = new JsonObject
            {
                ["links"] = RouteHelpers.ToArray(links.Select(l => (JsonNode)Render(ctx, l))),
                ["has_more"] = false,
            };
            if (path is null)
            {
                result["cursor"] = "0";
            }
            return ValueTask.FromResult(RouteResult.Of(result));
        }
    }

    private static ValueTask<RouteResult> Revoke(CallContext ctx)
    {
        var url = ctx.Args.String("url");
        lock (ctx.State.Gate)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out _))
            {
                throw RouteErrorException.Void("shared_link_malformed");
            }
            if (!ctx.State.SharedLinks.TryGetValue(url, out var link) || link.Revoked)
            {
                throw RouteErrorException.Void("shared_link_not_found");
            }
            if (link.AccountId != ctx.Account.AccountId)
            {
                throw RouteErrorException.Void("shared_link_access_denied");
            }
            link.Revoked = true;
            ctx.State.NotifyMutated();
            return ValueTask.FromResult(RouteResult.Null);
        }
    }

    private static JsonObject Render(CallContext ctx, SharedLink link)
    {
        var store = ctx.State.Stores[link.StoreNamespaceId];
        var node = store.GetById(link.NodeId)!;
        var view = ctx.View;
        var resolved = link.Password is not null ? "password" : link.Audience == "team" ? "team_only" : "public";
        var result = new JsonObject
        {
            [".tag"] = node.IsFolder ? "folder" : "file",
            ["url"] = link.Url,
            ["id"] = node.Id,
            ["name"] = node.Name,
        };
        if (link.Expires is { } expires)
        {
            result["expires"] = DropboxJson.Timestamp(expires);
        }
        if (view.Contains(node.PathLower))
        {
            result["path_lower"] = view.RelativeLower(node.PathLower);
        }
        result["link_permissions"] = new JsonObject
        {
            ["resolved_visibility"] = DropboxJson.Tag(resolved),
            ["requested_visibility"] = DropboxJson.Tag(resolved),
            ["can_revoke"] = true,
            ["visibility_policies"] = new JsonArray(),
            ["can_set_expiry"] = true,
            ["can_remove_expiry"] = true,
            ["allow_download"] = link.AllowDownload,
            ["can_allow_download"] = true,
            ["can_disallow_download"] = true,
            ["allow_comments"] = true,
            ["team_restricts_comments"] = false,
            ["effective_audience"] = DropboxJson.Tag(link.Password is not null ? "password" : link.Audience),
            ["link_access_level"] = DropboxJson.Tag(link.Access == "editor" ? "editor" : "viewer"),
            ["require_password"] = link.Password is not null,
        };
        if (node.Current is { } version)
        {
            result["client_modified"] = DropboxJson.Timestamp(version.ClientModified);
            result["server_modified"] = DropboxJson.Timestamp(version.ServerModified);
            result["rev"] = version.Rev;
            result["size"] = version.Size;
        }
        return result;
    }
}
