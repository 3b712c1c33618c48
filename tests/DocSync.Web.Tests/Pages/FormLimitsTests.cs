using System.Net;
using System.Net.Http.Headers;
using System.Text;
using DocSync.Core.Persistence;

namespace DocSync.Web.Tests.Pages;

/// <summary>The web forms and lists under hostile input: a clear 400 or the nearest page, never a 500, and nothing stored.</summary>
[Collection(WebCollection.Name)]
public sealed class FormLimitsTests(Databases databases)
{
    [Fact]
    public async Task InboxUpload_FormWithMoreValuesThanAllowedOrCutOff_BadRequestAndNothingStored()
    {
        await using var app = await DocSyncApp.StartAsync(databases, DatabaseProvider.Sqlite);
        var tenant = await app.CreateTenantAsync();
        using var ui = await UiClient.SignInAsync(app, tenant.OwnerEmail);
        var url = $"/c/{tenant.CompanyId}/inbox";
        var token = await ui.TokenAsync(url);
        const string Boundary = "docsync-form-boundary";

        var many = new StringBuilder();
        Part(many, Boundary, UiClient.TokenField, null, token);
        for (var i = 0; i < 5000; i++)
        {
            Part(many, Boundary, "files", $"f{i}.bin", "x");
        }

        many.Append("--").Append(Boundary).Append("--\r\n");
        var cutOff = new StringBuilder();
        Part(cutOff, Boundary, UiClient.TokenField, null, token);
        Part(cutOff, Boundary, "files", "scan.bin", new string('s', 4000));
        var failures = new List<string>();

        foreach (var (name, body) in new[] { ("5,000 parts", many.ToString()), ("cut off", cutOff.ToString()[..^1500]) })
        {
            var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            content.Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={Boundary}");
            using var response = await ui.Http.PostAsync(url, content);
            if (response.StatusCode != HttpStatusCode.BadRequest)
            {
                failures.Add($"{name}: {(int)response.StatusCode}");
            }
        }

        failures.ShouldBeEmpty();
        var listed = await tenant.Api().GetJsonAsync("/api/v1/inbox");
        listed["totalCount"]!.GetValue<int>().ShouldBe(0);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Lists_PageFarPastTheEnd_ShowTheNearestPageNotAnError(DatabaseProvider provider)
    {
        await using var app = await DocSyncApp.StartAsync(databases, provider);
        var tenant = await app.CreateTenantAsync();
        using var ui = await UiClient.SignInAsync(app, tenant.OwnerEmail);
        var failures = new List<string>();

        foreach (var list in new[] { "documents", "inbox", "audit", "collection/history" })
        {
            foreach (var page in new[] { "2147483647", "-5", "0" })
            {
                using var response = await ui.Http.GetAsync($"/c/{tenant.CompanyId}/{list}?page={page}");
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    failures.Add($"{list}?page={page}: {(int)response.StatusCode}");
                }
            }
        }

        failures.ShouldBeEmpty();
    }

    private static void Part(StringBuilder body, string boundary, string name, string? fileName, string content)
    {
        body.Append("--").Append(boundary).Append("\r\nContent-Disposition: form-data; name=\"").Append(name).Append('"');
        if (fileName is not null)
        {
            body.Append("; filename=\"").Append(fileName).Append("\"\r\nContent-Type: application/octet-stream");
        }

        body.Append("\r\n\r\n").Append(content).Append("\r\n");
    }
}
