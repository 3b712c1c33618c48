using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using DocSync.Dropbox.Emulator.Model;
using DocSync.Dropbox.Emulator.Wire;

namespace DocSync.Dropbox.Emulator.Routes;

/// <summary>users/*, team/members/list_v2 (+continue_v2) and auth/token/revoke.</summary>
internal static class AccountRoutes
{
    public static void Register(RouteTable routes)
    {
        routes.Rpc("users/get_current_account", "account_info.read", GetCurrentAccount, voidArg: true)
            .Rpc("users/get_space_usage", "account_info.read", GetSpaceUsage, voidArg: true)
            .Rpc("users/get_account", "sharing.read", GetAccount)
            .Rpc("check/user", "account_info.read", Echo)
            .Rpc("check/app", null, Echo, RouteAuth.App)
            .Rpc("team/members/list_v2", "members.read", ListMembers, RouteAuth.Team)
            .Rpc("team/members/list/continue_v2", "members.read", ListMembersContinue, RouteAuth.Team)
            .Rpc("auth/token/revoke", null, Revoke, RouteAuth.User | RouteAuth.Team, voidArg: true);
    }

    private static ValueTask<RouteResult> GetCurrentAccount(CallContext ctx)
    {
        lock (ctx.State.Gate)
        {
            var account = ctx.Account;
            var team = ctx.State.TeamOf(account);
            var result = Renderer.AccountBasics(account);
            result["country"] = account.Country;
            result["locale"] = account.Locale;
            result["referral_link"] = "https://db.tt/" + account.AccountId[5..13];
            result["is_paired"] = false;
            result["account_type"] = DropboxJson.Tag(account.AccountType);
            result["root_info"] = Renderer.RootInfo(ctx.State, account);
            if (team is not null)
            {
                result["team"] = new JsonObject
                {
                    ["id"] = team.TeamId,
                    ["name"] = team.Name,
                    ["sharing_policies"] = new JsonObject
                    {
                        ["shared_folder_member_policy"] = DropboxJson.Tag("anyone"),
                        ["shared_folder_join_policy"] = DropboxJson.Tag("from_anyone"),
                        ["shared_link_create_policy"] = DropboxJson.Tag("default_public"),
                        // Required by TeamSharingPolicies in the current spec (team_policies.stone).
                        ["group_creation_policy"] = DropboxJson.Tag("admins_only"),
                        ["shared_folder_link_restriction_policy"] = DropboxJson.Tag("anyone"),
                        ["enforce_link_password_policy"] = DropboxJson.Tag("optional"),
                        ["default_link_expiration_days_policy"] = DropboxJson.Tag("none"),
                        ["shared_link_default_permissions_policy"] = DropboxJson.Tag("default"),
                    },
                    ["office_addin_policy"] = DropboxJson.Tag("enabled"),
                    ["top_level_content_policy"] = DropboxJson.Tag("admin_only"),
                };
                result["team_member_id"] = account.TeamMemberId;
            }
            return ValueTask.FromResult(RouteResult.Of(result));
        }
    }

    private static ValueTask<RouteResult> Echo(CallContext ctx) =>
        ValueTask.FromResult(RouteResult.Of(new JsonObject { ["result"] = ctx.Args.OptionalString("query", maxLength: 500) ?? "" }));

    private static ValueTask<RouteResult> GetAccount(CallContext ctx)
    {
        var id = ctx.Args.String("account_id", minLength: 40, maxLength: 40);
        lock (ctx.State.Gate)
        {
            if (!ctx.State.Accounts.TryGetValue(id, out var account))
            {
                throw RouteErrorException.Void("no_account");
            }
            var teammate = account.TeamId is not null && account.TeamId == ctx.Account.TeamId;
            var result = Renderer.AccountBasics(account);
            result["is_teammate"] = teammate;
            if (teammate)
            {
                result["team_member_id"] = account.TeamMemberId;
            }
            return ValueTask.FromResult(RouteResult.Of(result));
        }
    }

    private static ValueTask<RouteResult> GetSpaceUsage(CallContext ctx)
    {
        lock (ctx.State.Gate)
        {
            var account = ctx.Account;
            var team = ctx.State.TeamOf(account);
            var store = ctx.State.ViewOfNamespace(account.HomeNamespaceId).Store;
            JsonObject allocation;
            long used;
            if (team is null)
            {
                used = store.UsedBytes;
                allocation = new JsonObject { [".tag"] = "individual", ["allocated"] = account.QuotaBytes };
            }
            else
            {
                var home = ctx.State.Namespaces[account.HomeNamespaceId];
                used = store.Descendants(home.PrefixLower).Sum(n => n.Current?.Size ?? 0);
                allocation = new JsonObject
                {
                    [".tag"] = "team",
                    ["used"] = store.UsedBytes,
                    ["allocated"] = team.QuotaBytes,
                    ["user_within_team_space_allocated"] = 0,
                    ["user_within_team_space_limit_type"] = DropboxJson.Tag("off"),
                    ["user_within_team_space_used_cached"] = used,
                };
            }
            return ValueTask.FromResult(RouteResult.Of(new JsonObject { ["used"] = used, ["allocation"] = allocation }));
        }
    }

    private static ValueTask<RouteResult> ListMembers(CallContext ctx)
    {
        var limit = (int)ctx.Args.Long("limit", 1000, 1, 1000);
        // No member is ever removed here, so include_removed changes nothing; it is still validated.
        ctx.Args.Bool("include_removed", false);
        lock (ctx.State.Gate)
        {
            return ValueTask.FromResult(RouteResult.Of(MembersPage(ctx, 0, limit)));
        }
    }

    private static ValueTask<RouteResult> ListMembersContinue(CallContext ctx)
    {
        var cursor = ctx.Args.String("cursor", minLength: 1);
        var parts = TryDecode(cursor)?.Split(':');
        if (parts is not { Length: 2 } || !int.TryParse(parts[0], CultureInfo.InvariantCulture, out var offset)
            || !int.TryParse(parts[1], CultureInfo.InvariantCulture, out var limit))
        {
            throw RouteErrorException.Void("invalid_cursor");
        }
        lock (ctx.State.Gate)
        {
            return ValueTask.FromResult(RouteResult.Of(MembersPage(ctx, offset, limit)));
        }
    }

    private static string? TryDecode(string cursor)
    {
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static JsonObject MembersPage(CallContext ctx, int offset, int limit)
    {
        var team = ctx.RequireCaller().Team ?? throw new BadInputException("This route needs a team token.");
        var members = team.MemberAccountIds.Select(id => ctx.State.Accounts[id]).ToList();
        var page = members.Skip(offset).Take(limit).ToList();
        var next = offset + page.Count;
        return new JsonObject
        {
            ["members"] = RouteHelpers.ToArray(page.Select(a => (JsonNode)new JsonObject
            {
                ["profile"] = new JsonObject
                {
                    ["team_member_id"] = a.TeamMemberId,
                    ["account_id"] = a.AccountId,
                    ["email"] = a.Email,
                    ["email_verified"] = true,
                    ["status"] = DropboxJson.Tag(a.Disabled ? "suspended" : "active"),
                    ["name"] = Renderer.Name(a),
                    ["membership_type"] = DropboxJson.Tag("full"),
                    ["joined_on"] = "2024-01-15T09:00:00Z",
                    ["groups"] = new JsonArray(),
                    ["member_folder_id"] = a.HomeNamespaceId,
                    ["root_folder_id"] = team.RootNamespaceId,
                },
                ["roles"] = a.IsTeamAdmin
                    ? new JsonArray(new JsonObject { ["role_id"] = "pid_dbtmr:team_admin", ["name"] = "Team", ["description"] = "Team admin" })
                    : new JsonArray(),
            })),
            ["cursor"] = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{next}:{limit}")),
            ["has_more"] = next < members.Count,
        };
    }

    private static ValueTask<RouteResult> Revoke(CallContext ctx)
    {
        lock (ctx.State.Gate)
        {
            var token = ctx.RequireCaller().Token!;
            token.Revoked = true;
            if (token.RefreshToken is { } refresh && ctx.State.RefreshTokens.TryGetValue(refresh, out var grant))
            {
                grant.Revoked = true;
                foreach (var sibling in ctx.State.AccessTokens.Values.Where(t => t.RefreshToken == refresh))
                {
                    sibling.Revoked = true;
                }
            }
            ctx.State.NotifyMutated();
            return ValueTask.FromResult(RouteResult.Null);
        }
    }
}
