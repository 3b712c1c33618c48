using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace DocSync.Web.Tests.Infrastructure;

/// <summary>Requests the API tests send again and again.</summary>
public static class ApiRequests
{
    public const string Documents = "/api/v1/documents";

    /// <summary>A JSON body.</summary>
    public static StringContent Json(JsonNode? body) => new(body?.ToJsonString() ?? "null", Encoding.UTF8, "application/json");

    /// <summary>A JSON body from raw text, for bodies no serializer would write.</summary>
    public static StringContent RawJson(string text) => new(text, Encoding.UTF8, "application/json");

    /// <summary>A multipart body: the <c>document</c> part, then one part per file.</summary>
    public static MultipartFormDataContent Multipart(JsonNode? document, params (string Part, string FileName, string ContentType, byte[] Bytes)[] files)
    {
        var content = new MultipartFormDataContent { { Json(document), "document" } };
        AddFiles(content, files);
        return content;
    }

    /// <summary>A multipart body of file parts only.</summary>
    public static MultipartFormDataContent MultipartWithoutDocument(params (string Part, string FileName, string ContentType, byte[] Bytes)[] files)
    {
        var content = new MultipartFormDataContent();
        AddFiles(content, files);
        return content;
    }

    /// <summary>POSTs a document, with an idempotency key if given.</summary>
    public static Task<HttpResponseMessage> PostDocumentAsync(this HttpClient client, HttpContent content, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Documents) { Content = content };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return client.SendAsync(request);
    }

    /// <summary>PUTs a new version, with If-Match if given.</summary>
    public static Task<HttpResponseMessage> PutDocumentAsync(this HttpClient client, Guid id, HttpContent content, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"{Documents}/{id}") { Content = content };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return client.SendAsync(request);
    }

    /// <summary>Creates a document and asserts 201; returns the created document.</summary>
    public static async Task<JsonObject> CreateDocumentAsync(this HttpClient client, JsonObject body)
    {
        using var response = await client.PostDocumentAsync(Json(body));
        return (await response.ShouldBeJsonAsync(HttpStatusCode.Created)).AsObject();
    }

    /// <summary>GETs <paramref name="url"/> and asserts 200 JSON.</summary>
    public static async Task<JsonNode> GetJsonAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        return await response.ShouldBeJsonAsync(HttpStatusCode.OK);
    }

    /// <summary>How many documents the key's company has.</summary>
    public static async Task<int> CountDocumentsAsync(this HttpClient client) =>
        (await client.GetJsonAsync($"{Documents}?pageSize=1"))["totalCount"]!.GetValue<int>();

    /// <summary>The id of a document or file in a body.</summary>
    public static Guid Id(this JsonNode node) => node["id"]!.GetValue<Guid>();

    private static void AddFiles(MultipartFormDataContent content, (string Part, string FileName, string ContentType, byte[] Bytes)[] files)
    {
        foreach (var (part, fileName, contentType, bytes) in files)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
            content.Add(file, part, fileName);
        }
    }
}
