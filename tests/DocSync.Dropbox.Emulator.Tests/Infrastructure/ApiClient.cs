using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace DocSync.Dropbox.Emulator.Tests.Infrastructure;

/// <summary>A bare HTTP client for the emulator's wire: no SDK, so tests see exactly what is sent and answered.</summary>
public sealed class ApiClient(HttpClient http, string? token)
{
    public string? Token { get; set; } = token;

    public HttpClient Http => http;

    public Task<ApiResponse> RpcAsync(string route, JsonNode? arg, Action<HttpRequestMessage>? configure = null) =>
        RpcRawAsync(route, arg is null ? "null" : arg.ToJsonString(), configure);

    public async Task<ApiResponse> RpcRawAsync(string route, string? body, Action<HttpRequestMessage>? configure = null, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "2/" + route);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }
        return await SendAsync(request, configure);
    }

    public async Task<ApiResponse> UploadAsync(string route, JsonNode arg, byte[] body, Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "2/" + route) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        request.Headers.TryAddWithoutValidation("Dropbox-API-Arg", HeaderSafe(arg.ToJsonString()));
        return await SendAsync(request, configure);
    }

    public async Task<ApiResponse> DownloadAsync(string path, Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "2/files/download");
        request.Headers.TryAddWithoutValidation("Dropbox-API-Arg", HeaderSafe(new JsonObject { ["path"] = path }.ToJsonString()));
        return await SendAsync(request, configure);
    }

    public async Task<ApiResponse> SendAsync(HttpRequestMessage request, Action<HttpRequestMessage>? configure = null)
    {
        if (Token is not null && request.Headers.Authorization is null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        }
        configure?.Invoke(request);
        using var response = await http.SendAsync(request);
        var headers = response.Headers.Concat(response.Content.Headers)
            .ToDictionary(h => h.Key.ToLowerInvariant(), h => string.Join(",", h.Value));
        return new ApiResponse(response.StatusCode, response.Content.Headers.ContentType?.ToString(), headers,
            await response.Content.ReadAsByteArrayAsync());
    }

    /// <summary>Uploads text to a path (mode add unless given) and returns the metadata.</summary>
    public async Task<JsonObject> PutAsync(string path, string content, JsonNode? mode = null)
    {
        var arg = new JsonObject { ["path"] = path };
        if (mode is not null)
        {
            arg["mode"] = mode;
        }
        var response = await UploadAsync("files/upload", arg, Encoding.UTF8.GetBytes(content));
        response.Status.ShouldBe(System.Net.HttpStatusCode.OK, response.ToString());
        return response.Object;
    }

    public static string HeaderSafe(string json)
    {
        var builder = new StringBuilder();
        foreach (var c in json)
        {
            builder.Append(c >= 0x7F ? $"\\u{(int)c:x4}" : c.ToString());
        }
        return builder.ToString();
    }
}
