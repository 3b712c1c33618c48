using System.Net;
using System.Text.RegularExpressions;
using DocSync.Core.Access;
using DocSync.Core.ApiKeys;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DocSync.Web.Bench;

/// <summary>
/// Gets the fresh server to where a host application starts: first-run setup through the real HTTP
/// form (owner and company), then an API key. The web UI has no API key page yet, so the key is
/// made with DocSync.Core's <see cref="ApiKeyService"/> on the server's own database.
/// </summary>
internal static partial class Provisioner
{
    public static async Task<Guid> SetUpAsync(Uri baseUri)
    {
        using var handler = new SocketsHttpHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() };
        using var http = new HttpClient(handler) { BaseAddress = baseUri };
        var form = await http.GetStringAsync("setup");
        var token = AntiforgeryToken().Match(form) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new InvalidOperationException("The setup page has no __RequestVerificationToken.");
        using var fields = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.DisplayName"] = "Bench Owner",
            ["Input.Email"] = "owner@bench.example",
            ["Input.Password"] = "Kq7-orbit-lantern-2026", // the password rules refuse one holding the name or e-mail
            ["Input.CompanyName"] = "Lumen BV",
            ["Input.Country"] = "BE",
        });
        using var response = await http.PostAsync("setup", fields);
        var location = response.Headers.Location?.OriginalString ?? "";
        return response.StatusCode == HttpStatusCode.Redirect && CompanyDocuments().Match(location) is { Success: true } company
            ? Guid.Parse(company.Groups[1].Value)
            : throw new InvalidOperationException($"Setup answered {(int)response.StatusCode} {location}: {await response.Content.ReadAsStringAsync()}");
    }

    public static async Task<string> CreateApiKeyAsync(IReadOnlyDictionary<string, string> serverSettings, Guid companyId)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(serverSettings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build();
        await using var services = new ServiceCollection().AddLogging().AddDocSyncCore(configuration).BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CompanyContext>().Enter(CompanyScope.System(companyId));
        var key = await scope.ServiceProvider.GetRequiredService<ApiKeyService>().CreateAsync("bench", ApiKeyAccess.ReadWrite);

        // Hold no connection to the server's database while it is measured.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Npgsql.NpgsqlConnection.ClearAllPools();
        return key.Token;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    // Setup lands on the new company's first page (its overview, once its documents).
    [GeneratedRegex("^/c/([0-9a-fA-F-]{36})/[a-z]+$")]
    private static partial Regex CompanyDocuments();
}
