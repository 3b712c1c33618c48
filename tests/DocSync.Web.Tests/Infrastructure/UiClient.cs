using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace DocSync.Web.Tests.Infrastructure;

/// <summary>
/// A person using the web UI without a browser: an in-memory client that keeps cookies, signed in
/// through the real sign-in form, and reads antiforgery tokens out of the pages it gets.
/// </summary>
public sealed partial class UiClient : IDisposable
{
    public const string TokenField = "__RequestVerificationToken";

    private UiClient(HttpClient http, CookieContainer cookies)
    {
        Http = http;
        Cookies = cookies;
    }

    /// <summary>The client (cookies kept, redirects not followed).</summary>
    public HttpClient Http { get; }

    /// <summary>Its cookies (to copy one elsewhere, as a thief would).</summary>
    public CookieContainer Cookies { get; }

    /// <summary>A browser-like client that has not signed in.</summary>
    public static UiClient Anonymous(WebApplicationFactory<DocSync.Web.Hosting.WebOptions> app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var cookies = new CookieContainer();
        return new UiClient(app.CreateDefaultClient(new Microsoft.AspNetCore.Mvc.Testing.Handlers.CookieContainerHandler(cookies)), cookies);
    }

    /// <summary>Signs in through <c>/sign-in</c> as a browser would: GET the form, POST it with its token.</summary>
    public static async Task<UiClient> SignInAsync(DocSyncApp app, string email, string password = TestTenant.Password)
    {
        ArgumentNullException.ThrowIfNull(app);
        var client = Anonymous(app);
        var token = await client.TokenAsync("/sign-in");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = email, ["Password"] = password, [TokenField] = token });
        using var response = await client.Http.PostAsync("/sign-in", form);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        response.Headers.Location?.OriginalString.ShouldBe("/");
        return client;
    }

    /// <summary>GETs <paramref name="url"/> (200 expected) and returns the antiforgery token of its first form.</summary>
    public async Task<string> TokenAsync(string url)
    {
        using var response = await Http.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, html);
        return ParseToken(html);
    }

    /// <summary>The value of the first <c>__RequestVerificationToken</c> field in <paramref name="html"/>.</summary>
    public static string ParseToken(string html)
    {
        var match = TokenInput().Match(html ?? "");
        match.Success.ShouldBeTrue("The page has no antiforgery token.");
        return WebUtility.HtmlDecode(match.Groups["value"].Value);
    }

    public void Dispose() => Http.Dispose();

    [GeneratedRegex("""<input[^>]*name="__RequestVerificationToken"[^>]*value="(?<value>[^"]+)"[^>]*>""")]
    private static partial Regex TokenInput();
}
