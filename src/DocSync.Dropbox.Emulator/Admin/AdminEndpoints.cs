using System.Text.Json;
using System.Text.Json.Nodes;
using DocSync.Dropbox.Emulator.Faults;
using DocSync.Dropbox.Emulator.Model;
using DocSync.Dropbox.Emulator.Webhooks;
using DocSync.Dropbox.Emulator.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DocSync.Dropbox.Emulator.Admin;

/// <summary>
/// The admin API under <c>/_emulator/</c>, off the Dropbox routes: inspect and reset state, mint and
/// expire tokens, reset cursors, fill quotas, inject faults and latency, drive webhooks.
/// </summary>
internal static class AdminEndpoints
{
    public static void Map(IEndpointRouteBuilder app, DropboxEmulator emulator)
    {
        var state = emulator.State;
        var admin = app.MapGroup("/_emulator");
        admin.MapGet("/state", () => Json(Summary(state, emulator)));
        Post(admin, "/reset", body =>
        {
            if (Text(body, "confirm") != "reset")
            {
                throw new BadInputException("Resetting forgets every file, token and account: send {\"confirm\": \"reset\"}.");
            }
            emulator.ResetWorld();
            return Json(Summary(state, emulator));
        });
        admin.MapGet("/accounts", () => Json(Accounts(state)));
        Post(admin, "/accounts", body => Json(AddAccount(state, body)));
        Post(admin, "/apps", body => Json(AddApp(state, body)));
        Post(admin, "/tokens", body => Json(MintToken(state, body)));
        Post(admin, "/tokens/expire", body => Json(ExpireTokens(state, body)));
        Post(admin, "/cursors/reset", body => Json(ResetCursors(state, body)));
        Post(admin, "/quota", body => Json(SetQuota(state, body)));
        Post(admin, "/longpoll", body =>
        {
            lock (state.Gate)
            {
                state.LongpollBackoffSeconds = body.TryGetProperty("backoff", out var b) && b.ValueKind == JsonValueKind.Number ? b.GetInt32() : null;
            }
            return Json(new JsonObject { ["backoff"] = state.LongpollBackoffSeconds });
        });
        Post(admin, "/namespace-lock", body =>
        {
            if (body.TryGetProperty("hold_ms", out var hold))
            {
                state.Options.CommitHoldTime = TimeSpan.FromMilliseconds(hold.GetInt32());
            }
            if (body.TryGetProperty("wait_ms", out var wait))
            {
                state.Options.NamespaceLockWait = TimeSpan.FromMilliseconds(wait.GetInt32());
            }
            return Json(new JsonObject
            {
                ["hold_ms"] = state.Options.CommitHoldTime.TotalMilliseconds,
                ["wait_ms"] = state.Options.NamespaceLockWait.TotalMilliseconds,
            });
        });
        admin.MapGet("/faults", () => Json(Faults(emulator.Faults)));
        admin.MapPut("/faults", (Delegate)(Func<HttpContext, Task<IResult>>)(http => WithBody(http, body =>
        {
            var seed = body.TryGetProperty("seed", out var s) ? s.GetInt32() : emulator.Faults.Seed;
            var rules = body.TryGetProperty("rules", out var r) ? r.Deserialize<List<FaultRuleDto>>(JsonOptions) ?? [] : [];
            foreach (var rule in rules.Where(rule => !FaultKind.All.Contains(rule.Kind)))
            {
                throw new BadInputException($"Unknown fault kind \"{rule.Kind}\". Known: {string.Join(", ", FaultKind.All)}.");
            }
            emulator.Faults.Configure(seed, rules.Select(x => x.ToRule()));
            return Json(Faults(emulator.Faults));
        })));
        admin.MapDelete("/faults", () =>
        {
            emulator.Faults.Clear();
            return Json(Faults(emulator.Faults));
        });
        admin.MapPost("/webhooks", async (HttpRequest request) =>
        {
            var http = request.HttpContext;
            var body = await ReadBody(http);
            var appKey = body.GetProperty("app_key").GetString()!;
            var uri = body.GetProperty("uri").GetString()!;
            var verified = await emulator.Webhooks.RegisterAsync(appKey, uri, http.RequestAborted);
            return Json(new JsonObject { ["verified"] = verified });
        });
        Post(admin, "/webhooks/fire", body =>
        {
            var accounts = body.TryGetProperty("accounts", out var a)
                ? a.EnumerateArray().Select(x => FindAccount(state, x.GetString()!).AccountId).ToList()
                : [];
            emulator.Webhooks.Enqueue(accounts);
            return Json(new JsonObject { ["queued"] = accounts.Count });
        });
        admin.MapGet("/webhooks/log", () => Json(new JsonArray(emulator.Webhooks.Log.Select(d => (JsonNode)new JsonObject
        {
            ["app_key"] = d.AppKey,
            ["uri"] = d.Uri,
            ["body"] = d.Body,
            ["status"] = d.Status,
            ["succeeded"] = d.Succeeded,
        }).ToArray())));
        admin.MapGet("/files", (string account) => Json(Files(state, account)));
        admin.MapGet("/ca.pem", () => emulator.Certificate is { } cert
            ? Results.Text(cert.AuthorityPem, "application/x-pem-file")
            : Results.NotFound());
    }

    private static void Post(RouteGroupBuilder group, string path, Func<JsonElement, IResult> action) =>
        group.MapPost(path, (Delegate)(Func<HttpContext, Task<IResult>>)(http => WithBody(http, action)));

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private sealed record FaultRuleDto(string Kind, string? Route, double? Probability, int? Count, int? RetryAfter, int? LatencyMs, int? LatencyMaxMs)
    {
        public FaultRule ToRule() => new(Kind, Route ?? "*", Probability ?? 1.0, Count, RetryAfter, LatencyMs ?? 0, LatencyMaxMs ?? 0);
    }

    private static IResult Json(JsonNode? node) => Results.Text(DropboxJson.Serialize(node), "application/json");

    private static async Task<JsonElement> ReadBody(HttpContext http)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw new BadInputException("The admin API takes a JSON object.");
        }
    }

    private static async Task<IResult> WithBody(HttpContext http, Func<JsonElement, IResult> action)
    {
        try
        {
            var body = http.Request.ContentLength is 0 ? default : await ReadBody(http);
            return action(body);
        }
        catch (Exception e) when (e is BadInputException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return Results.Text(e.Message, "text/plain", statusCode: 400);
        }
    }

    private static string? Text(JsonElement body, string name) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static Account FindAccount(EmulatorState state, string idOrEmail)
    {
        lock (state.Gate)
        {
            return state.Accounts.GetValueOrDefault(idOrEmail)
                ?? state.Accounts.Values.FirstOrDefault(a => string.Equals(a.Email, idOrEmail, StringComparison.OrdinalIgnoreCase))
                ?? throw new BadInputException($"No account \"{idOrEmail}\".");
        }
    }

    private static JsonObject Summary(EmulatorState state, DropboxEmulator emulator)
    {
        lock (state.Gate)
        {
            return new JsonObject
            {
                ["base_url"] = emulator.BaseUri.ToString(),
                ["https_base_url"] = emulator.HttpsBaseUri?.ToString(),
                ["accounts"] = Accounts(state),
                ["apps"] = new JsonArray(state.Apps.Values.Select(a => (JsonNode)new JsonObject
                {
                    ["key"] = a.Key,
                    ["name"] = a.Name,
                    ["app_folder"] = a.AppFolder,
                    ["redirect_uris"] = new JsonArray(a.RedirectUris.Select(u => (JsonNode)u).ToArray()),
                    ["webhook_uri"] = a.WebhookUri,
                }).ToArray()),
                ["stores"] = new JsonArray(state.Stores.Values.Select(s => (JsonNode)new JsonObject
                {
                    ["namespace_id"] = s.NamespaceId,
                    ["items"] = s.Count,
                    ["used_bytes"] = s.UsedBytes,
                    ["seq"] = s.Seq,
                }).ToArray()),
                ["access_tokens"] = state.AccessTokens.Count,
                ["upload_sessions"] = state.Sessions.Count,
                ["faults"] = Faults(emulator.Faults),
            };
        }
    }

    private static JsonArray Accounts(EmulatorState state)
    {
        lock (state.Gate)
        {
            return new JsonArray(state.Accounts.Values.Select(a => (JsonNode)new JsonObject
            {
                ["account_id"] = a.AccountId,
                ["email"] = a.Email,
                ["display_name"] = a.DisplayName,
                ["account_type"] = a.AccountType,
                ["home_namespace_id"] = a.HomeNamespaceId,
                ["team_id"] = a.TeamId,
                ["team_member_id"] = a.TeamMemberId,
                ["team_admin"] = a.IsTeamAdmin,
                ["quota_bytes"] = RouteQuota(state, a),
            }).ToArray());
        }
    }

    private static long RouteQuota(EmulatorState state, Account account) => state.TeamOf(account)?.QuotaBytes ?? account.QuotaBytes;

    private static JsonObject AddAccount(EmulatorState state, JsonElement body)
    {
        var email = Text(body, "email") ?? throw new BadInputException("email is required.");
        var given = Text(body, "given_name") ?? "Test";
        var surname = Text(body, "surname") ?? "User";
        lock (state.Gate)
        {
            if (state.Accounts.Values.Any(a => string.Equals(a.Email, email, StringComparison.OrdinalIgnoreCase)))
            {
                throw new BadInputException($"An account with email {email} exists.");
            }
            var teamId = Text(body, "team_id");
            var admin = body.TryGetProperty("admin", out var adminValue) && adminValue.ValueKind == JsonValueKind.True;
            var account = teamId is null
                ? state.AddAccount(email, given, surname, Text(body, "account_type") ?? "basic")
                : state.AddTeamMember(state.Teams.GetValueOrDefault(teamId) ?? throw new BadInputException($"No team {teamId}."), email, given, surname, admin);
            state.NotifyMutated();
            return new JsonObject { ["account_id"] = account.AccountId, ["home_namespace_id"] = account.HomeNamespaceId, ["team_member_id"] = account.TeamMemberId };
        }
    }

    private static JsonObject AddApp(EmulatorState state, JsonElement body)
    {
        var key = Text(body, "key") ?? throw new BadInputException("key is required.");
        lock (state.Gate)
        {
            if (!state.Apps.TryGetValue(key, out var app))
            {
                app = state.AddApp(key, Text(body, "secret") ?? throw new BadInputException("secret is required."),
                    Text(body, "name") ?? key, body.TryGetProperty("app_folder", out var folder) && folder.ValueKind == JsonValueKind.True);
            }
            if (body.TryGetProperty("redirect_uris", out var uris))
            {
                foreach (var uri in uris.EnumerateArray().Select(u => u.GetString()!).Where(u => !app.RedirectUris.Contains(u)))
                {
                    app.RedirectUris.Add(uri);
                }
            }
            state.NotifyMutated();
            return new JsonObject { ["key"] = app.Key, ["redirect_uris"] = new JsonArray(app.RedirectUris.Select(u => (JsonNode)u).ToArray()) };
        }
    }

    private static JsonObject MintToken(EmulatorState state, JsonElement body)
    {
        var appKey = Text(body, "app_key") ?? WorldSeeder.AppKey;
        TimeSpan? lifetime = body.TryGetProperty("expires_in", out var e) && e.ValueKind == JsonValueKind.Number ? TimeSpan.FromSeconds(e.GetDouble()) : null;
        IReadOnlySet<string>? scopes = body.TryGetProperty("scopes", out var s) && s.ValueKind == JsonValueKind.Array
            ? s.EnumerateArray().Select(x => x.GetString()!).ToHashSet(StringComparer.Ordinal)
            : null;
        var withRefresh = body.TryGetProperty("refresh", out var r) && r.ValueKind == JsonValueKind.True;
        string? accountId = Text(body, "account") is { } who ? FindAccount(state, who).AccountId : null;
        lock (state.Gate)
        {
            if (!state.Apps.ContainsKey(appKey))
            {
                throw new BadInputException($"No app {appKey}.");
            }
            var teamId = Text(body, "team_id");
            if (accountId is null && (teamId is null || !state.Teams.ContainsKey(teamId)))
            {
                throw new BadInputException("Give \"account\" (id or email) or an existing \"team_id\".");
            }
            string? refresh = null;
            if (withRefresh)
            {
                refresh = state.NewSecret("");
                state.RefreshTokens[refresh] = new RefreshGrant { Token = refresh, AppKey = appKey, AccountId = accountId, TeamId = teamId, Scopes = scopes ?? Scope.All };
            }
            var token = state.MintToken(appKey, accountId, accountId is null ? teamId : null, lifetime, scopes, refresh);
            state.NotifyMutated();
            var result = new JsonObject { ["access_token"] = token.Token, ["account_id"] = accountId, ["team_id"] = token.TeamId };
            if (refresh is not null)
            {
                result["refresh_token"] = refresh;
            }
            return result;
        }
    }

    private static JsonObject ExpireTokens(EmulatorState state, JsonElement body)
    {
        var token = Text(body, "token");
        var accountId = Text(body, "account") is { } who ? FindAccount(state, who).AccountId : null;
        lock (state.Gate)
        {
            var targets = state.AccessTokens.Values.Where(t => t.Token == token || (accountId is not null && t.AccountId == accountId)).ToList();
            foreach (var target in targets)
            {
                target.ExpiresAt = state.Now.AddSeconds(-1);
            }
            state.NotifyMutated();
            return new JsonObject { ["expired"] = targets.Count };
        }
    }

    private static JsonObject ResetCursors(EmulatorState state, JsonElement body)
    {
        var cursor = Text(body, "cursor");
        var accountId = Text(body, "account") is { } who ? FindAccount(state, who).AccountId : null;
        lock (state.Gate)
        {
            if (cursor is not null)
            {
                var decoded = Routes.ListCursorAccess.Lineage(cursor, state.Options.Seed)
                    ?? throw new BadInputException("That is not a cursor this emulator issued.");
                state.ResetCursorLineages.Add(decoded.Lineage);
                state.Stores.GetValueOrDefault(decoded.Store)?.Wake();
            }
            if (accountId is not null)
            {
                var store = state.ViewOfNamespace(state.Accounts[accountId].HomeNamespaceId).Store;
                store.Generation++;
                store.Wake();
            }
            state.NotifyMutated();
            return new JsonObject { ["reset"] = true };
        }
    }

    private static JsonObject SetQuota(EmulatorState state, JsonElement body)
    {
        var account = FindAccount(state, Text(body, "account") ?? throw new BadInputException("account is required."));
        lock (state.Gate)
        {
            var team = state.TeamOf(account);
            var used = state.ViewOfNamespace(account.HomeNamespaceId).Store.UsedBytes;
            long quota = body.TryGetProperty("fill", out var fill) && fill.ValueKind == JsonValueKind.True
                ? used
                : body.TryGetProperty("allocated", out var allocated) ? allocated.GetInt64() : throw new BadInputException("Give \"fill\": true or \"allocated\".");
            if (team is null)
            {
                account.QuotaBytes = quota;
            }
            else
            {
                team.QuotaBytes = quota;
            }
            state.NotifyMutated();
            return new JsonObject { ["used"] = used, ["allocated"] = quota };
        }
    }

    private static JsonObject Faults(FaultInjector faults) => new()
    {
        ["seed"] = faults.Seed,
        ["rules"] = new JsonArray(faults.Rules.Select(r => (JsonNode)new JsonObject
        {
            ["kind"] = r.Kind,
            ["route"] = r.Route,
            ["probability"] = r.Probability,
            ["count"] = r.Count,
            ["retry_after"] = r.RetryAfterSeconds,
            ["latency_ms"] = r.LatencyMs,
            ["latency_max_ms"] = r.LatencyMaxMs,
        }).ToArray()),
        ["log"] = new JsonArray(faults.Log.Select(e => (JsonNode)new JsonObject { ["call"] = e.Call, ["route"] = e.Route, ["kind"] = e.Kind }).ToArray()),
    };

    private static JsonArray Files(EmulatorState state, string who)
    {
        var account = FindAccount(state, who);
        lock (state.Gate)
        {
            var view = state.ViewOfNamespace(account.HomeNamespaceId);
            return new JsonArray(view.Store.Descendants(view.PrefixLower).Select(n => (JsonNode)new JsonObject
            {
                ["path_display"] = view.RelativeDisplay(n.PathDisplay),
                ["folder"] = n.IsFolder,
                ["id"] = n.Id,
                ["rev"] = n.Current?.Rev,
                ["size"] = n.Current?.Size,
                ["content_hash"] = n.Current?.ContentHash,
            }).ToArray());
        }
    }
}
