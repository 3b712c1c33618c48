using System.Net;
using System.Text.RegularExpressions;
using DocSync.Core.Auditing;
using DocSync.Core.Companies;
using DocSync.Core.Persistence;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DocSync.Web.Tests.Security;

/// <summary>Accounts, sign-in and sessions as an attacker would try them (two companies on one instance).</summary>
[Collection(WebCollection.Name)]
public sealed partial class AccountSecurityTests(Databases databases)
{
    private static async Task<HttpResponseMessage> PostFormAsync(UiClient client, string pageUrl, string postUrl, Dictionary<string, string> fields, string? host = null)
    {
        fields[UiClient.TokenField] = await client.TokenAsync(pageUrl);
        using var request = new HttpRequestMessage(HttpMethod.Post, postUrl) { Content = new FormUrlEncodedContent(fields) };
        if (host is not null)
        {
            request.Headers.Host = host;
        }

        return await client.Http.SendAsync(request);
    }

    private static async Task<string> InviteAsync(UiClient owner, Guid companyId, string email, string name, string? host = null)
    {
        using var response = await PostFormAsync(owner, $"/c/{companyId}/people", $"/c/{companyId}/people?handler=add",
            new() { ["email"] = email, ["displayName"] = name, ["role"] = "Member" }, host);
        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, html);
        return WebUtility.HtmlDecode(InviteLink().Match(html).Groups["link"].Value);
    }

    private static UiClient Anonymous(DocSyncApp app) => UiClient.Anonymous(app);

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Takeover_OtherCompanyAddsAnInvitedAddress_GetsNoWayToSetItsPassword(DatabaseProvider provider)
    {
        await using var app = await DocSyncApp.StartAsync(databases, provider);
        var a = await app.CreateTenantAsync("A BV");
        var b = await app.CreateTenantAsync("B BV");
        using var ownerA = await UiClient.SignInAsync(app, a.OwnerEmail);
        using var ownerB = await UiClient.SignInAsync(app, b.OwnerEmail);

        var linkA = await InviteAsync(ownerA, a.CompanyId, "victim@a.test", "Victim Vandamme");
        var linkB = await InviteAsync(ownerB, b.CompanyId, "victim@a.test", "Anyone");
        var linkNew = await InviteAsync(ownerB, b.CompanyId, "nobody-yet@b.test", "Nobody Yet");

        // B's owner gets the same kind of answer for a known and an unknown address, and never the victim's own name.
        linkB.ShouldContain("/invitation/");
        linkNew.ShouldContain("/invitation/");
        var people = await ownerB.Http.GetStringAsync($"/c/{b.CompanyId}/people");
        people.ShouldNotContain("Victim Vandamme");

        using var attacker = Anonymous(app);
        var pathB = new Uri(linkB).AbsolutePath;
        var offer = await attacker.Http.GetStringAsync(pathB);
        offer.ShouldNotContain("name=\"Password\"");
        offer.ShouldContain("already has a DocSync account");
        using (var forged = await PostFormAsync(attacker, pathB, pathB + "?handler=password", new() { ["Password"] = "attackers chosen passphrase" }))
        {
            forged.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            (await scope.ServiceProvider.GetRequiredService<DocSyncDbContext>().Users.SingleAsync(p => p.NormalizedEmail == "VICTIM@A.TEST")).PasswordHash.ShouldBeNull();
        }

        // The victim's own link still works, signs them in, and B's invitation waits for them.
        using var victim = Anonymous(app);
        var pathA = new Uri(linkA).AbsolutePath;
        using (var set = await PostFormAsync(victim, pathA, pathA + "?handler=password", new() { ["Password"] = "a quiet harbour at dusk" }))
        {
            set.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            set.Headers.Location!.OriginalString.ShouldBe($"/c/{a.CompanyId}/documents");
        }

        (await victim.Http.GetStringAsync("/me/invitations")).ShouldContain("B BV");
        (await victim.Http.GetAsync($"/c/{b.CompanyId}/documents")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var invitationId = InvitationIdField().Match(await victim.Http.GetStringAsync("/me/invitations")).Groups["id"].Value;
        using (var accept = await PostFormAsync(victim, "/me/invitations", "/me/invitations?handler=accept", new() { ["invitationId"] = invitationId }))
        {
            accept.Headers.Location!.OriginalString.ShouldBe($"/c/{b.CompanyId}/documents");
        }

        (await victim.Http.GetAsync($"/c/{b.CompanyId}/documents")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Lockout_InvitedPerson_WrongPasswordsThenTheRightOne_StaysLockedAndIsAudited(DatabaseProvider provider)
    {
        var logs = new CapturingLoggerProvider();
        await using var host = await DocSyncApp.StartAsync(databases, provider);
        await using var app = host.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddLogging(l => l.AddProvider(logs).AddFilter<CapturingLoggerProvider>(null, LogLevel.Trace))));
        var tenant = await host.CreateTenantAsync();
        var email = await tenant.AddPersonAsync("Invited Ivo", CompanyRole.Member);

        for (var i = 0; i < 5; i++)
        {
            using var wrong = await SignInRawAsync(app, email, "not the password at all");
            wrong.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        using var right = await SignInRawAsync(app, email, TestTenant.Password);
        right.StatusCode.ShouldBe(HttpStatusCode.OK, "a locked account must not sign in, even with the right password");
        (await right.Content.ReadAsStringAsync()).ShouldContain("Sign-in failed");

        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DocSyncDbContext>();
        var ivo = await db.Users.AsNoTracking().SingleAsync(p => p.NormalizedEmail == email.ToUpperInvariant());
        ivo.LockoutEnabled.ShouldBeTrue();
        ivo.ConsecutiveLockouts.ShouldBe(1);
        ivo.LockoutEnd.ShouldNotBeNull().ShouldBeInRange(DateTimeOffset.UtcNow.AddSeconds(30), DateTimeOffset.UtcNow.AddSeconds(61));
        var audit = await db.AuditEntries.IgnoreQueryFilters().AsNoTracking().Where(e => e.CompanyId == tenant.CompanyId && e.ActorId == ivo.Id && e.EntityType == "Person").ToListAsync();
        audit.Count(e => e.Action == "SignInFailed").ShouldBe(6);
        audit.Count(e => e.Action == "LockedOut").ShouldBe(1);
        logs.Lines.ShouldContain(l => l.Contains("LockedOut", StringComparison.Ordinal) && l.Contains(ivo.Id.ToString(), StringComparison.Ordinal));
        logs.Lines.ShouldNotContain(l => l.Contains("not the password at all", StringComparison.Ordinal));
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task SignIn_UnknownAndKnownAddress_SameAnswer(DatabaseProvider provider)
    {
        await using var app = await DocSyncApp.StartAsync(databases, provider);
        var tenant = await app.CreateTenantAsync();

        using var known = await SignInRawAsync(app, tenant.OwnerEmail, "wrong but long enough");
        using var unknown = await SignInRawAsync(app, "nobody-at-all@example.com", "wrong but long enough");

        known.StatusCode.ShouldBe(unknown.StatusCode);
        Normalize(await known.Content.ReadAsStringAsync()).Replace(tenant.OwnerEmail, "@", StringComparison.Ordinal)
            .ShouldBe(Normalize(await unknown.Content.ReadAsStringAsync()).Replace("nobody-at-all@example.com", "@", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SignIn_TooManyFromOneAddress_429WithRetryAfter()
    {
        await using var app = await DocSyncApp.StartAsync(databases, DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["DocSync:SignIn:PerAddressPerMinute"] = "3" });
        var tenant = await app.CreateTenantAsync();

        for (var i = 0; i < 3; i++)
        {
            using var allowed = await SignInRawAsync(app, $"someone-{i}@example.com", "wrong but long enough");
            allowed.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        using var refused = await SignInRawAsync(app, tenant.OwnerEmail, TestTenant.Password);
        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture).ShouldBeInRange(1, 60);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("Too many sign-in attempts");
    }

    [Fact]
    public async Task SignIn_TooManyForOneAccount_429ButOtherAccountsStillSignIn()
    {
        await using var app = await DocSyncApp.StartAsync(databases, DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["DocSync:SignIn:PerAccountPerWindow"] = "2" });
        var tenant = await app.CreateTenantAsync();
        var other = await app.CreateTenantAsync();

        (await SignInRawAsync(app, tenant.OwnerEmail.ToUpperInvariant(), "wrong but long enough")).Dispose();
        (await SignInRawAsync(app, tenant.OwnerEmail, "wrong but long enough")).Dispose();
        using var refused = await SignInRawAsync(app, tenant.OwnerEmail, TestTenant.Password);
        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        refused.Headers.Contains("Retry-After").ShouldBeTrue();

        using var fine = await SignInRawAsync(app, other.OwnerEmail, TestTenant.Password);
        fine.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task SignOut_CookieCopiedBefore_NoLongerWorks(DatabaseProvider provider)
    {
        await using var app = await DocSyncApp.StartAsync(databases, provider);
        var tenant = await app.CreateTenantAsync();
        using var person = await UiClient.SignInAsync(app, tenant.OwnerEmail);
        using var stolen = new HttpClient(app.Server.CreateHandler()) { BaseAddress = new Uri("http://localhost") };
        var cookie = AuthCookie(person);
        stolen.DefaultRequestHeaders.Add("Cookie", cookie);
        (await stolen.GetAsync($"/c/{tenant.CompanyId}/documents")).StatusCode.ShouldBe(HttpStatusCode.OK);

        using (var signOut = await PostFormAsync(person, $"/c/{tenant.CompanyId}/documents", "/sign-out", []))
        {
            signOut.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        using var after = await stolen.GetAsync($"/c/{tenant.CompanyId}/documents");
        after.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        after.Headers.Location!.OriginalString.ShouldContain("/sign-in");
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task PasswordChange_EndsEveryOtherSession_KeepsThisOne(DatabaseProvider provider)
    {
        await using var app = await DocSyncApp.StartAsync(databases, provider);
        var tenant = await app.CreateTenantAsync();
        using var here = await UiClient.SignInAsync(app, tenant.OwnerEmail);
        using var elsewhere = await UiClient.SignInAsync(app, tenant.OwnerEmail);

        using (var weak = await PostFormAsync(here, "/me/password", "/me/password", new() { ["Current"] = TestTenant.Password, ["New"] = "password2026!" }))
        {
            (await weak.Content.ReadAsStringAsync()).ShouldContain("too common");
        }

        using (var changed = await PostFormAsync(here, "/me/password", "/me/password", new() { ["Current"] = TestTenant.Password, ["New"] = "a brand new harbour passphrase" }))
        {
            (await changed.Content.ReadAsStringAsync()).ShouldContain("Your password is changed");
        }

        (await here.Http.GetAsync($"/c/{tenant.CompanyId}/documents")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await elsewhere.Http.GetAsync($"/c/{tenant.CompanyId}/documents")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        using var again = await UiClient.SignInAsync(app, tenant.OwnerEmail, "a brand new harbour passphrase");
        await using var scope = app.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<DocSyncDbContext>().AuditEntries.IgnoreQueryFilters()
            .CountAsync(e => e.CompanyId == tenant.CompanyId && e.Action == "PasswordChanged")).ShouldBe(1);
    }

    [Fact]
    public async Task Culture_PostWithoutAntiforgery_Refused()
    {
        await using var app = await DocSyncApp.StartAsync(databases, DatabaseProvider.Sqlite);
        var tenant = await app.CreateTenantAsync();
        using var person = await UiClient.SignInAsync(app, tenant.OwnerEmail);

        using var forged = await person.Http.PostAsync("/culture", new FormUrlEncodedContent(new Dictionary<string, string> { ["culture"] = "fr", ["returnUrl"] = "/" }));
        forged.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (forged.Headers.TryGetValues("Set-Cookie", out var set) ? set : []).ShouldNotContain(c => c.StartsWith("docsync.culture", StringComparison.Ordinal));

        using var real = await PostFormAsync(person, $"/c/{tenant.CompanyId}/documents", "/culture", new() { ["culture"] = "fr", ["returnUrl"] = "/" });
        real.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task InvitationLink_ForgedHostHeader_BuiltFromThePublicAddress()
    {
        await using var app = await DocSyncApp.StartAsync(databases, DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["DocSync:Web:PublicUri"] = "https://docsync.example.be" });
        var tenant = await app.CreateTenantAsync();
        using var owner = await UiClient.SignInAsync(app, tenant.OwnerEmail);

        var link = await InviteAsync(owner, tenant.CompanyId, "new@example.be", "New Person", host: "evil.example");

        link.ShouldStartWith("https://docsync.example.be/invitation/");
    }

    [Fact]
    public async Task BehindHttpsProxy_SecureCookiesAndHsts_PlainHttpWithout()
    {
        await using var app = await DocSyncApp.StartKestrelAsync(databases, DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["DocSync:Web:BehindProxy"] = "true" });
        await app.CreateTenantAsync(); // past first-run setup, so /sign-in serves its form (and its antiforgery cookie)
        using var handler = new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false };
        using var http = new HttpClient(handler) { BaseAddress = app.Address };

        using var proxied = new HttpRequestMessage(HttpMethod.Get, "/sign-in");
        proxied.Headers.Add("X-Forwarded-Proto", "https");
        using var secure = await http.SendAsync(proxied);
        secure.Headers.GetValues("Strict-Transport-Security").Single().ShouldContain("max-age=");
        SetCookies(secure).ShouldNotBeEmpty();
        SetCookies(secure).ShouldAllBe(c => c.Contains("secure", StringComparison.OrdinalIgnoreCase));

        using var plain = await http.GetAsync("/sign-in");
        plain.Headers.Contains("Strict-Transport-Security").ShouldBeFalse();
        SetCookies(plain).ShouldNotBeEmpty();
        SetCookies(plain).ShouldAllBe(c => !c.Contains("secure", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task ApiReference_CannotBeFramed()
    {
        await using var app = await DocSyncApp.StartAsync(databases, DatabaseProvider.Sqlite);

        using var response = await app.ApiClient(null).GetAsync("/api/docs");

        response.Headers.GetValues("X-Frame-Options").Single().ShouldBe("DENY");
        response.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("frame-ancestors 'none'");
    }

    private static async Task<HttpResponseMessage> SignInRawAsync(WebApplicationFactory<DocSync.Web.Hosting.WebOptions> app, string email, string password)
    {
        using var client = UiClient.Anonymous(app);
        return await PostFormAsync(client, "/sign-in", "/sign-in", new() { ["Email"] = email, ["Password"] = password });
    }

    private static string AuthCookie(UiClient client) => client.Cookies.GetCookies(new Uri("http://localhost")).Where(c => c.Name == "docsync.auth").Select(c => $"{c.Name}={c.Value}").Single();

    // Kestrel's answers carry cookies in the content-independent headers; both places are read.
    private static List<string> SetCookies(HttpResponseMessage response) =>
        [.. response.Headers.TryGetValues("Set-Cookie", out var values) ? values : []];

    private static string Normalize(string html) => AntiforgeryValue().Replace(html, "value=\"-\"");

    [GeneratedRegex("id=\"invite-link\">(?<link>[^<]+)<")]
    private static partial Regex InviteLink();

    [GeneratedRegex("name=\"invitationId\" value=\"(?<id>[0-9a-f-]{36})\"")]
    private static partial Regex InvitationIdField();

    [GeneratedRegex("value=\"CfDJ8[^\"]*\"")]
    private static partial Regex AntiforgeryValue();
}
