using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;

namespace DocSync.Web.Bench;

/// <summary>After the load: does the server hold every document it said it created, with the very PDF sent?</summary>
internal static class Verifier
{
    /// <summary>The company's document count, from the list's <c>totalCount</c>.</summary>
    public static async Task<int> CountAsync(HttpClient api)
    {
        using var list = JsonDocument.Parse(await api.GetStringAsync("api/v1/documents?pageSize=1"));
        return list.RootElement.GetProperty("totalCount").GetInt32();
    }

    /// <summary>Fetches <paramref name="size"/> random created documents and their PDFs; returns what did not match.</summary>
    public static async Task<IReadOnlyList<string>> CheckSampleAsync(HttpClient api, IReadOnlyList<CreatedDocument> created, int size, int seed)
    {
        var problems = new List<string>();
        var random = new Random(seed);
        foreach (var expected in created.OrderBy(_ => random.Next()).Take(size))
        {
            using var response = await api.GetAsync($"api/v1/documents/{expected.Id}");
            if (!response.IsSuccessStatusCode)
            {
                problems.Add($"{expected.Number}: GET document answered {(int)response.StatusCode}");
                continue;
            }

            using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var root = document.RootElement;
            var number = root.GetProperty("content").GetProperty("number").GetString();
            var pdfs = root.GetProperty("files").EnumerateArray().Where(f => f.GetProperty("kind").GetString() == "pdf").ToList();
            if (number != expected.Number || pdfs.Count != 1)
            {
                problems.Add($"{expected.Number}: stored as number {number} with {pdfs.Count} PDF files");
                continue;
            }

            var fileId = pdfs[0].GetProperty("id").GetGuid();
            var bytes = await api.GetByteArrayAsync($"api/v1/documents/{expected.Id}/files/{fileId}");
            var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
            if (sha != expected.PdfSha256 || pdfs[0].GetProperty("sha256").GetString() != expected.PdfSha256)
            {
                problems.Add($"{expected.Number}: PDF downloaded with SHA-256 {sha}, listed as {pdfs[0].GetProperty("sha256").GetString()}, sent {expected.PdfSha256}");
            }
        }

        return problems;
    }

    public static HttpClient Client(Uri baseUri, string apiKey)
    {
        var client = new HttpClient { BaseAddress = baseUri, Timeout = TimeSpan.FromMinutes(2) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        return client;
    }
}
