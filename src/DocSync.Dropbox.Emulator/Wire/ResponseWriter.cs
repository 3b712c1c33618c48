using System.Text;
using System.Text.Json.Nodes;
using DocSync.Dropbox.Emulator.Faults;
using Microsoft.AspNetCore.Http;

namespace DocSync.Dropbox.Emulator.Wire;

/// <summary>Writes answers exactly as Dropbox does: JSON with the bare content type, text errors, 401/409/429 bodies, downloads.</summary>
public static class ResponseWriter
{
    public static async Task WriteResultAsync(HttpContext http, RouteDef route, RouteResult result, bool resetMidBody)
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

    public static async Task CopyAsync(Stream source, Stream destination, long count, CancellationToken cancellationToken)
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

    public static async Task WriteJsonAsync(HttpContext http, int status, JsonNode? json)
    {
        var bytes = DropboxJson.SerializeToUtf8(json);
        http.Response.StatusCode = status;
        // Exactly this value: the Python SDK compares it for equality.
        http.Response.ContentType = "application/json";
        http.Response.ContentLength = bytes.Length;
        await http.Response.Body.WriteAsync(bytes);
    }

    public static async Task WriteTextAsync(HttpContext http, int status, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        http.Response.StatusCode = status;
        http.Response.ContentType = "text/plain; charset=utf-8";
        http.Response.ContentLength = bytes.Length;
        await http.Response.Body.WriteAsync(bytes);
    }

    public static Task WriteErrorAsync(HttpContext http, ApiException error) => error switch
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
        RateLimitedException limited => WriteRateLimitAsync(http, limited.Reason, limited.RetryAfterSeconds),
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

    public static async Task WriteFaultAsync(HttpContext http, string kind, int? retryAfter)
    {
        if (FaultForms.For(kind, retryAfter) is not { } form)
        {
            http.Abort();
            return;
        }
        await WriteFormAsync(http, form);
    }

    public static Task WriteRateLimitAsync(HttpContext http, string reason, int retryAfter) =>
        WriteFormAsync(http, FaultForms.RateLimit(reason, retryAfter));

    private static async Task WriteFormAsync(HttpContext http, FaultForm form)
    {
        http.Response.StatusCode = form.Status;
        if (!form.FromApiServer)
        {
            http.Response.Headers.Remove("X-Dropbox-Request-Id");
            http.Response.Headers.Server = "envoy";
        }
        if (form.RetryAfterHeader is { } wait)
        {
            http.Response.Headers.RetryAfter = wait;
        }
        http.Response.ContentType = form.ContentType;
        http.Response.ContentLength = form.Body.Length;
        await http.Response.Body.WriteAsync(form.Body);
    }
}
