using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DocSync.Dropbox.Emulator.Faults;
using DocSync.Dropbox.Emulator.Model;
using Microsoft.AspNetCore.Http;

namespace DocSync.Dropbox.Emulator.Wire;

/// <summary>
/// Serves every <c>/2/…</c> call: finds the route, draws faults, authenticates, decodes the
/// argument from where its style puts it, runs the handler and writes the answer in Dropbox's
/// exact shapes.
/// </summary>
public sealed class Dispatcher(EmulatorState state, RouteTable routes, FaultInjector faults)
{
    public async Task HandleAsync(HttpContext http)
    {
        var name = http.Request.Path.Value!["/2/".Length..];
        if (!routes.TryGet(name, out var route))
        {
            await WriteTextAsync(http, 404, $"Unknown API function: \"{name}\".");
            return;
        }
        var isGet = HttpMethods.IsGet(http.Request.Method);
        if (!HttpMethods.IsPost(http.Request.Method) && !(isGet && route.Style == RouteStyle.Download))
        {
            http.Response.Headers.Allow = route.Style == RouteStyle.Download ? "GET, POST" : "POST";
            await WriteTextAsync(http, 405, $"Error in call to API function \"{name}\": Method not allowed; use POST.");
            return;
        }

        var fault = faults.Draw(name);
        if (fault.Latency > TimeSpan.Zero)
        {
            await Task.Delay(fault.Latency, http.RequestAborted);
        }
        if (fault.Kind is { } kind && kind != FaultKind.DropAfterApply && !(kind == FaultKind.Reset && route.Style == RouteStyle.Download))
        {
            await WriteFaultAsync(http, kind, fault.RetryAfterSeconds);
            return;
        }

        try
        {
            var body = await ReadBodyAsync(http, route);
            var args = DecodeArgs(http, route, body);
            var caller = Authenticate(http, route);
            var result = await route.Handler(new CallContext(state, route, args, caller, http, route.Style == RouteStyle.Upload ? body : []));
            if (fault.Kind == FaultKind.DropAfterApply)
            {
                http.Abort();
                return;
            }
            await WriteResultAsync(http, route, result, fault.Kind == FaultKind.Reset);
        }
        catch (ApiException error)
        {
            if (fault.Kind == FaultKind.DropAfterApply)
            {
                http.Abort();
                return;
            }
            await WriteErrorAsync(http, error);
        }
    }

    private async Task<byte[]> ReadBodyAsync(HttpContext http, RouteDef route)
    {
        var max = state.Options.MaxRequestBytes;
        if (http.Request.ContentLength is { } declared && declared > max)
        {
            throw TooLarge(route);
        }
        if (http.Request.ContentLength is { } known)
        {
            // The common case: read straight into an array of the declared size, no copies.
            var exact = new byte[known];
            var filled = 0;
            while (filled < exact.Length)
            {
                var n = await http.Request.Body.ReadAsync(exact.AsMemory(filled), http.RequestAborted);
                if (n == 0)
                {
                    throw new BadInputException($"Error in call to API function \"{route.Name}\": the request body ended early.");
                }
                filled += n;
            }
            return exact;
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await http.Request.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
        {
            if (buffer.Length + read > max)
            {
                throw TooLarge(route);
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static ApiException TooLarge(RouteDef route) =>
        route.Style == RouteStyle.Upload
            ? RouteErrorException.Void("payload_too_large")
            : new BadInputException($"Error in call to API function \"{route.Name}\": request body is too large.");

    private static Args DecodeArgs(HttpContext http, RouteDef route, byte[] body)
    {
        var prefix = $"Error in call to API function \"{route.Name}\"";
        string? text;
        string source;
        var contentType = http.Request.ContentType;
        if (route.Style == RouteStyle.Rpc)
        {
            if (!string.IsNullOrEmpty(contentType) && !IsJsonContentType(contentType))
            {
                throw new BadInputException(
                    $"{prefix}: Bad HTTP \"Content-Type\" header: \"{contentType}\".  Expecting one of \"application/json\", \"application/json; charset=utf-8\", \"text/plain; charset=dropbox-cors-hack\".");
            }
            source = "request body";
            text = body.Length == 0 ? null : Encoding.UTF8.GetString(body);
            if (text is null && !route.VoidArg)
            {
                throw new BadInputException($"{prefix}: request body: could not decode input as JSON");
            }
        }
        else
        {
            if (route.Style == RouteStyle.Upload && !string.IsNullOrEmpty(contentType) && !IsUploadContentType(contentType))
            {
                throw new BadInputException(
                    $"{prefix}: Bad HTTP \"Content-Type\" header: \"{contentType}\".  Expecting one of \"application/octet-stream\", \"text/plain; charset=dropbox-cors-hack\".");
            }
            if (http.Request.Headers.TryGetValue("Dropbox-API-Arg", out var header))
            {
                source = "HTTP header \"Dropbox-API-Arg\"";
                text = header.ToString();
            }
            else if (http.Request.Query.TryGetValue("arg", out var query))
            {
                source = "URL parameter \"arg\"";
                text = query.ToString();
            }
            else if (route.VoidArg)
            {
                source = "HTTP header \"Dropbox-API-Arg\"";
                text = null;
            }
            else
            {
                throw new BadInputException($"{prefix}: Must provide HTTP header \"Dropbox-API-Arg\" or URL parameter \"arg\".");
            }
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return new Args(default, $"{prefix}: {source}");
        }
        JsonElement element;
        try
        {
            using var document = JsonDocument.Parse(text);
            element = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw new BadInputException($"{prefix}: {source}: could not decode input as JSON");
        }
        var args = new Args(element, $"{prefix}: {source}");
        if (!route.VoidArg)
        {
            args.RequireObject();
        }
        else if (element.ValueKind is not (JsonValueKind.Null or JsonValueKind.Object))
        {
            throw args.Fail($"expected null, got {Args.Describe(element)}");
        }
        return args;
    }

    private static bool IsJsonContentType(string contentType)
    {
        var value = contentType.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();
        return value is "application/json" or "application/json;charset=utf-8" or "text/plain;charset=dropbox-cors-hack";
    }

    private static bool IsUploadContentType(string contentType)
    {
        var value = contentType.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();
        return value is "application/octet-stream" or "text/plain;charset=dropbox-cors-hack" or "application/octet-stream;charset=utf-8";
    }

    private Caller? Authenticate(HttpContext http, RouteDef route)
    {
        var prefix = $"Error in call to API function \"{route.Name}\"";
        if (route.Auth == RouteAuth.None)
        {
            return null;
        }
        string? header = http.Request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(header))
        {
            header = http.Request.Query.TryGetValue("authorization", out var query) ? query.ToString() : null;
        }
        if (string.IsNullOrEmpty(header))
        {
            throw new BadInputException($"{prefix}: Must provide HTTP header \"Authorization\" or URL parameter \"authorization\".");
        }

        if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            if (!route.Auth.HasFlag(RouteAuth.App))
            {
                throw new BadInputException($"{prefix}: Invalid authorization value in HTTP header \"Authorization\": \"Basic …\".  Expecting \"Bearer <oauth2-access-token>\".");
            }
            return AuthenticateApp(header["Basic ".Length..].Trim(), prefix);
        }
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            throw new BadInputException($"{prefix}: Invalid authorization value in HTTP header \"Authorization\".  Expecting \"Bearer <oauth2-access-token>\".");
        }
        var tokenText = header["Bearer ".Length..].Trim();
        lock (state.Gate)
        {
            if (!state.AccessTokens.TryGetValue(tokenText, out var token) || token.Revoked)
            {
                throw new AuthFailureException("invalid_access_token");
            }
            if (token.ExpiresAt is { } expires && expires <= state.Now)
            {
                throw new AuthFailureException("expired_access_token");
            }
            if (route.Scope is { } scope && !token.Scopes.Contains(scope))
            {
                throw new AuthFailureException("missing_scope", new JsonObject { ["required_scope"] = scope });
            }
            var app = state.Apps[token.AppKey];
            if (token.TeamId is { } teamId)
            {
                return AuthenticateTeamToken(http, route, token, app, state.Teams[teamId], prefix);
            }
            var account = state.Accounts[token.AccountId!];
            if (account.Disabled)
            {
                throw new AuthFailureException("user_suspended");
            }
            if (!route.Auth.HasFlag(RouteAuth.User))
            {
                throw new BadInputException($"{prefix}: This API function operates on a whole team, but the OAuth 2 access token you provided is for a single Dropbox account.");
            }
            return new Caller(token, app, account, state.TeamOf(account), ResolveView(http, account, app));
        }
    }

    private Caller AuthenticateTeamToken(HttpContext http, RouteDef route, AccessToken token, AppRegistration app, Team team, string prefix)
    {
        var selectUser = http.Request.Headers["Dropbox-API-Select-User"].ToString();
        var selectAdmin = http.Request.Headers["Dropbox-API-Select-Admin"].ToString();
        if (string.IsNullOrEmpty(selectUser) && string.IsNullOrEmpty(selectAdmin))
        {
            if (!route.Auth.HasFlag(RouteAuth.Team))
            {
                throw new BadInputException(
                    $"{prefix}: This API function operates on a single Dropbox account, but the OAuth 2 access token you provided is for an entire Dropbox Business team.  Since your API app key has team member file access permissions, you can operate on a team member's Dropbox by providing the \"Dropbox-API-Select-User\" HTTP header or \"select_user\" URL parameter to specify the exact user <https://www.dropbox.com/developers/documentation/http/teams>.");
            }
            return new Caller(token, app, null, team, null);
        }
        if (!token.Scopes.Contains("team_data.member"))
        {
            throw new AuthFailureException("missing_scope", new JsonObject { ["required_scope"] = "team_data.member" });
        }
        var memberId = string.IsNullOrEmpty(selectUser) ? selectAdmin : selectUser;
        var member = team.MemberAccountIds.Select(id => state.Accounts[id]).FirstOrDefault(a => a.TeamMemberId == memberId);
        if (member is null)
        {
            throw new AuthFailureException(string.IsNullOrEmpty(selectUser) ? "invalid_select_admin" : "invalid_select_user");
        }
        if (string.IsNullOrEmpty(selectUser) && !member.IsTeamAdmin)
        {
            throw new AuthFailureException("invalid_select_admin");
        }
        return new Caller(token, app, member, team, ResolveView(http, member, app));
    }

    private Caller AuthenticateApp(string basic, string prefix)
    {
        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(basic));
        }
        catch (FormatException)
        {
            throw new BadInputException($"{prefix}: Invalid authorization value in HTTP header \"Authorization\": could not decode Basic credentials.");
        }
        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        lock (state.Gate)
        {
            if (colon < 0 || !state.Apps.TryGetValue(decoded[..colon], out var app) || app.Secret != decoded[(colon + 1)..])
            {
                throw new AuthFailureException("invalid_access_token");
            }
            return new Caller(null, app, null, null, null);
        }
    }

    /// <summary>Applies <c>Dropbox-API-Path-Root</c>: home (default), the root namespace, or a namespace id.</summary>
    private View ResolveView(HttpContext http, Account account, AppRegistration app)
    {
        var header = http.Request.Headers["Dropbox-API-Path-Root"].ToString();
        if (string.IsNullOrEmpty(header))
        {
            return state.HomeView(account, app);
        }
        JsonElement element;
        try
        {
            using var document = JsonDocument.Parse(header);
            element = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw new BadInputException("Error in call to API function: HTTP header \"Dropbox-API-Path-Root\": could not decode input as JSON");
        }
        var args = new Args(element, "HTTP header \"Dropbox-API-Path-Root\"");
        var (tag, value) = args.AsUnion(["home", "root", "namespace_id"]);
        switch (tag)
        {
            case "home":
                return state.HomeView(account, app);
            case "root":
                var requested = value?.String("root") ?? throw args.Fail("missing required field 'root'");
                var rootView = state.RootView(account, app);
                if (requested != rootView.NamespaceId && requested != account.HomeNamespaceId)
                {
                    throw new RouteErrorException(DropboxJson.Tag("invalid_root", Renderer.RootInfo(state, account)), 422);
                }
                return requested == rootView.NamespaceId ? rootView : state.HomeView(account, app);
            default:
                var namespaceId = value?.String("namespace_id") ?? throw args.Fail("missing required field 'namespace_id'");
                if (app.AppFolder || !state.CanAccessNamespace(account, namespaceId))
                {
                    throw new RouteErrorException(DropboxJson.Tag("no_permission"), 422);
                }
                return state.ViewOfNamespace(namespaceId);
        }
    }

    private static async Task WriteResultAsync(HttpContext http, RouteDef route, RouteResult result, bool resetMidBody)
    {
        if (route.Style != RouteStyle.Download)
        {
            await WriteJsonAsync(http, 200, result.Json);
            return;
        }
        await using var content = result.Content ?? new MemoryStream([]);
        var total = result.ContentLength;
        http.Response.Headers["Dropbox-API-Result"] = DropboxJson.HeaderSafe(DropboxJson.Serialize(result.Json));
        http.Response.ContentType = result.ContentType ?? "application/octet-stream";
        var etag = result.Json?["rev"]?.GetValue<string>() is { } rev ? $"W/\"{rev}\"" : null;
        if (etag is not null)
        {
            http.Response.Headers.ETag = etag;
            if (http.Request.Headers.IfNoneMatch.ToString() == etag)
            {
                http.Response.StatusCode = 304;
                return;
            }
        }
        http.Response.Headers.AcceptRanges = "bytes";
        var (start, end) = (0L, total - 1);
        if (RangeHeader.TryParse(http.Request.Headers.Range.ToString(), total, out var range))
        {
            if (range is null)
            {
                http.Response.StatusCode = 416;
                http.Response.Headers.ContentRange = $"bytes */{total}";
                return;
            }
            (start, end) = range.Value;
            http.Response.StatusCode = 206;
            http.Response.Headers.ContentRange = $"bytes {start}-{end}/{total}";
        }
        else
        {
            http.Response.StatusCode = 200;
        }
        var length = Math.Max(0, end - start + 1);
        http.Response.ContentLength = length;
        content.Seek(start, SeekOrigin.Begin);
        if (resetMidBody)
        {
            await CopyAsync(content, http.Response.Body, length / 2, http.RequestAborted);
            await http.Response.Body.FlushAsync();
            http.Abort();
            return;
        }
        await CopyAsync(content, http.Response.Body, length, http.RequestAborted);
    }

    internal static async Task CopyAsync(Stream source, Stream destination, long count, CancellationToken cancellationToken)
    {
        var buffer = new byte[Math.Min(count, 1 << 20)];
        while (count > 0)
        {
            var read = await source.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, count)), cancellationToken);
            if (read == 0)
            {
                break;
            }
            await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            count -= read;
        }
    }

    internal static async Task WriteJsonAsync(HttpContext http, int status, JsonNode? json)
    {
        var bytes = DropboxJson.SerializeToUtf8(json);
        http.Response.StatusCode = status;
        // Exactly this value: the Python SDK compares it for equality.
        http.Response.ContentType = "application/json";
        http.Response.ContentLength = bytes.Length;
        await http.Response.Body.WriteAsync(bytes);
    }

    internal static async Task WriteTextAsync(HttpContext http, int status, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        http.Response.StatusCode = status;
        http.Response.ContentType = "text/plain; charset=utf-8";
        http.Response.ContentLength = bytes.Length;
        await http.Response.Body.WriteAsync(bytes);
    }

    private static Task WriteErrorAsync(HttpContext http, ApiException error) => error switch
    {
        RouteErrorException route => WriteJsonAsync(http, route.StatusCode, new JsonObject
        {
            ["error_summary"] = DropboxJson.Summary(route.Error),
            ["error"] = route.Error,
        }),
        AuthFailureException auth => WriteJsonAsync(http, 401, new JsonObject
        {
            ["error_summary"] = auth.Tag + "/..",
            ["error"] = AuthError(auth),
        }),
        RateLimitedException limited => WriteRateLimitAsync(http, limited.Reason, limited.RetryAfterSeconds, plain: false),
        _ => WriteTextAsync(http, error.StatusCode, error.Message),
    };

    private static JsonObject AuthError(AuthFailureException auth)
    {
        var error = DropboxJson.Tag(auth.Tag);
        foreach (var (key, value) in auth.Extra?.ToList() ?? [])
        {
            error[key] = value?.DeepClone();
        }
        return error;
    }

    private static async Task WriteFaultAsync(HttpContext http, string kind, int retryAfter)
    {
        switch (kind)
        {
            case FaultKind.TooManyRequests or FaultKind.TooManyWriteOperations:
                await WriteRateLimitAsync(http, kind, retryAfter, plain: false);
                break;
            case FaultKind.PlainTooManyRequests:
                await WriteRateLimitAsync(http, FaultKind.TooManyRequests, retryAfter, plain: true);
                break;
            case FaultKind.InternalServerError:
                await WriteTextAsync(http, 500, "Internal Server Error (injected)");
                break;
            case FaultKind.ServiceUnavailable:
                http.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await WriteTextAsync(http, 503, "Service Unavailable (injected)");
                break;
            default:
                http.Abort();
                break;
        }
    }

    internal static async Task WriteRateLimitAsync(HttpContext http, string reason, int retryAfter, bool plain)
    {
        http.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (plain)
        {
            await WriteTextAsync(http, 429, "Too Many Requests");
            return;
        }
        var summary = reason + "/..";
        await WriteJsonAsync(http, 429, new JsonObject
        {
            ["error_summary"] = summary,
            ["error"] = new JsonObject { ["reason"] = DropboxJson.Tag(reason), ["retry_after"] = retryAfter },
        });
    }
}
