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
    private readonly Authenticator _authenticator = new(state);

    public async Task HandleAsync(HttpContext http)
    {
        var name = http.Request.Path.Value!["/2/".Length..];
        if (!routes.TryGet(name, out var route))
        {
            await ResponseWriter.WriteTextAsync(http, 404, $"Unknown API function: \"{name}\".");
            return;
        }
        var isGet = HttpMethods.IsGet(http.Request.Method);
        if (!HttpMethods.IsPost(http.Request.Method) && !(isGet && route.Style == RouteStyle.Download))
        {
            http.Response.Headers.Allow = route.Style == RouteStyle.Download ? "GET, POST" : "POST";
            await ResponseWriter.WriteTextAsync(http, 405, $"Error in call to API function \"{name}\": Method not allowed; use POST.");
            return;
        }

        var fault = faults.Draw(name);
        if (fault.Latency > TimeSpan.Zero)
        {
            await Task.Delay(fault.Latency, http.RequestAborted);
        }
        if (fault.Kind is { } kind && kind != FaultKind.DropAfterApply && !(kind == FaultKind.Reset && route.Style == RouteStyle.Download))
        {
            await ResponseWriter.WriteFaultAsync(http, kind, fault.RetryAfterSeconds);
            return;
        }

        try
        {
            var body = await ReadBodyAsync(http, route);
            var args = DecodeArgs(http, route, body);
            var caller = _authenticator.Authenticate(http, route);
            var result = await route.Handler(new CallContext(state, route, args, caller, http, route.Style == RouteStyle.Upload ? body : []));
            if (fault.Kind == FaultKind.DropAfterApply)
            {
                http.Abort();
                return;
            }
            await ResponseWriter.WriteResultAsync(http, route, result, fault.Kind == FaultKind.Reset);
        }
        catch (ApiException error)
        {
            if (fault.Kind == FaultKind.DropAfterApply)
            {
                http.Abort();
                return;
            }
            await ResponseWriter.WriteErrorAsync(http, error);
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
}
