using Microsoft.EntityFrameworkCore;
using System.Text.Json;
using System.Text.Json.Serialization;
using DocSync.Core.Companies;
using DocSync.Core.Persistence;
using DocSync.Web.Errors;
using DocSync.Web.Features.Api;
using DocSync.Web.Localization;
using DocSync.Web.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Options;
using Scalar.AspNetCore;

namespace DocSync.Web.Hosting;

/// <summary>Wires DocSync's web host: services, then the request pipeline.</summary>
public static class WebApplicationSetup
{
    /// <summary>The cultures the UI speaks.</summary>
    public static readonly string[] Cultures = ["en", "nl", "fr"];

    /// <summary>Registers everything the web host needs.</summary>
    /// <param name="builder">The application builder.</param>
    public static WebApplicationBuilder AddDocSyncWeb(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.AddOptions<WebOptions>().Bind(configuration.GetSection(WebOptions.Section))
            .Validate(o => o.MaxUploadBytes > 0, "DocSync:Web:MaxUploadBytes must be positive.")
            .Validate(o => o.MaxFileParts is >= 1 and <= 10_000, "DocSync:Web:MaxFileParts must be between 1 and 10000.")
            .Validate(o => o.MaxFormValues is >= 16 and <= 100_000, "DocSync:Web:MaxFormValues must be between 16 and 100000.")
            .Validate(o => o.PublicUri is null || (o.PublicUri.IsAbsoluteUri && o.PublicUri.Scheme is "http" or "https" && string.IsNullOrEmpty(o.PublicUri.Query)),
                "DocSync:Web:PublicUri must be an absolute http or https address without a query, e.g. https://docsync.example.be/.")
            .Validate(o => o.KnownProxies.All(p => System.Net.IPAddress.TryParse(p, out _)), "DocSync:Web:KnownProxies must list IP addresses.")
            .ValidateOnStart();
        services.AddSingleton<PublicLinks>();
        services.AddOptions<DocSync.Core.Notifications.SmtpOptions>()
            .PostConfigure<IOptions<WebOptions>>((smtp, webOptions) => smtp.PublicUri ??= webOptions.Value.PublicUri);
        services.AddOptions<EmbeddedEmulatorOptions>().Bind(configuration.GetSection(EmbeddedEmulatorOptions.Section));
        services.AddDocSyncCore(configuration);

        // Kestrel's limits and the key ring are fixed before the host is built: read the settings once here.
        var web = configuration.GetSection(WebOptions.Section).Get<WebOptions>() ?? new WebOptions();
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = web.MaxUploadBytes);
        services.Configure<FormOptions>(o =>
        {
            o.MultipartBodyLengthLimit = web.MaxUploadBytes;
            o.ValueCountLimit = web.MaxFormValues;
        });
        var dataProtection = services.AddDataProtection().SetApplicationName("DocSync").PersistKeysToFileSystem(Directory.CreateDirectory(web.KeysPath));
        if (!string.IsNullOrWhiteSpace(web.KeysCertificatePath))
        {
            dataProtection.ProtectKeysWithCertificate(
                System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12FromFile(web.KeysCertificatePath, web.KeysCertificatePassword));
        }

        // Length and every other password rule live in one place, DocSync.Core.Accounts.PasswordPolicy.
        var signInOptions = configuration.GetSection(DocSync.Core.Accounts.SignInSecurityOptions.Section).Get<DocSync.Core.Accounts.SignInSecurityOptions>() ?? new();
        services.AddIdentityCore<Person>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 1;
                o.Password.RequiredUniqueChars = 1;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = signInOptions.MaxFailedAttempts;
                o.Lockout.DefaultLockoutTimeSpan = signInOptions.FirstLockout;
            })
            .AddEntityFrameworkStores<DocSyncDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddPasswordValidator<DocSync.Core.Accounts.PasswordPolicy>();

        // Sign-out and a password change end every session: the security stamp is checked on each request.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);
        services.AddSingleton<Security.SignIn.SignInThrottle>();
        services.AddScoped<Security.SignIn.PasswordSignIn>();
        if (web.BehindProxy)
        {
            services.Configure<ForwardedHeadersOptions>(o =>
            {
                o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
                // Loopback as IPv4 reaching a dual-stack socket is trusted like plain loopback.
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse("::ffff:127.0.0.0/104"));
                foreach (var proxy in web.KnownProxies)
                {
                    o.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
                }
            });
        }
        services.AddAuthentication(IdentityConstants.ApplicationScheme)
            .AddIdentityCookies();
        services.AddAuthentication().AddScheme<ApiKeyAuthenticationOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/sign-in";
            o.LogoutPath = "/sign-out";
            o.AccessDeniedPath = "/status/403";
            o.Cookie.Name = "docsync.auth";
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Cookie.HttpOnly = true;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(12);
        });
        services.AddAuthorization();

        services.AddSingleton<Texts>();
        services.AddHttpContextAccessor();
        services.AddScoped<Features.Shared.Chrome>();
        services.AddScoped<CompanyPageFilter>();
        services.AddRazorPages(o =>
            {
                o.RootDirectory = "/Features";
                o.Conventions.AuthorizeFolder("/");
                o.Conventions.AllowAnonymousToFolder("/Account");
                o.Conventions.AllowAnonymousToPage("/Errors/Status");
            })
            .AddMvcOptions(o => o.Filters.AddService<CompanyPageFilter>());
        services.AddOptions<Microsoft.AspNetCore.Mvc.MvcOptions>().Configure<Texts>(ValidationTexts.Configure);
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "docsync.csrf";
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });

        services.ConfigureHttpJsonOptions(o => ApiJson.Configure(o.SerializerOptions));

        // A parameter that cannot be bound throws, so the exception handler answers with a problem naming it (never an empty 400).
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.AddOpenApi("v1", o => o.AddDocumentTransformer<ApiDocumentTransformer>());
        services.AddHealthChecks().AddDbContextCheck<DocSyncDbContext>("database").AddCheck<BlobStoreHealthCheck>("blobs");
        services.AddHostedService<BlobSweepService>();
        services.AddHostedService<TrashSweepService>();
        services.AddSingleton<EmbeddedEmulatorService>();
        services.AddHostedService(sp => sp.GetRequiredService<EmbeddedEmulatorService>());
        services.AddOptions<Features.Connections.DropboxAppOptions>().Bind(configuration.GetSection(Features.Connections.DropboxAppOptions.Section));
        services.AddSingleton<DocSync.Dropbox.Logging.DropboxCallLogger>();
        services.AddHttpClient(Features.Connections.DropboxApp.HttpClientName).RemoveAllLoggers().AddLogger<DocSync.Dropbox.Logging.DropboxCallLogger>();
        services.AddSingleton<Features.Connections.DropboxApp>();
        services.AddSingleton<DocSync.Core.Sync.IDropboxConnector>(sp => sp.GetRequiredService<Features.Connections.DropboxApp>());
        services.AddHostedService<SyncWorkerService>();
        services.AddHostedService<CollectWorkerService>();
        services.AddHostedService<InboxReaderService>();
        services.AddHostedService<NotificationWorkerService>();
        services.AddScoped<Features.Connections.ConnectionCheck>();
        return builder;
    }

    /// <summary>Builds the request pipeline and maps pages and endpoints.</summary>
    /// <param name="app">The application.</param>
    public static WebApplication UseDocSyncWeb(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Services.GetRequiredService<IOptions<WebOptions>>().Value.BehindProxy)
        {
            app.UseForwardedHeaders();
        }

        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandlingPath = "/status/error" });
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), ui => ui.UseStatusCodePagesWithReExecute("/status/{0}"));
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseStaticFiles();

        // Before first-run, sign-in and company lookups: health answers whatever state the database is in.
        app.UseHealthChecks("/health");

        // Routing after the status and exception pages, so their re-executed requests are routed afresh.
        app.UseRouting();
        app.UseRequestLocalization(o =>
        {
            o.SetDefaultCulture("en").AddSupportedCultures(Cultures).AddSupportedUICultures(Cultures);
            o.RequestCultureProviders = [new CookieRequestCultureProvider { CookieName = CultureCookie.Name }, new AcceptLanguageHeaderRequestCultureProvider()];
        });
        app.UseAuthentication();
        app.UseMiddleware<FirstRunMiddleware>();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapRazorPages();
        app.MapCultureEndpoint();
        app.MapGet("/switch", (Guid companyId) => Results.LocalRedirect($"/c/{companyId}/overview")).RequireAuthorization().ExcludeFromDescription();
        app.MapDocSyncApi();
        Features.Collection.DropboxWebhook.MapDropboxWebhook(app);
        app.MapOpenApi("/openapi/{documentName}.json");
        // The reference is served whole from here: no fonts, telemetry, AI agent or proxy from the vendor's servers, no vendor buttons.
        app.MapScalarApiReference("/api/docs", o => o.WithTitle("DocSync API").WithOpenApiRoutePattern("/openapi/{documentName}.json")
            .DisableDefaultFonts().DisableTelemetry().DisableAgent().DisableMcp().HideClientButton().HideDeveloperTools().HideDarkModeToggle()
            .WithFavicon("/favicon.svg").WithCustomCss("a[href*='scalar.com'] { display: none !important; }"));
        return app;
    }

    /// <summary>Prepares the database (folder, migrations, SQLite write-ahead log) before the host serves.</summary>
    /// <param name="app">The application.</param>
    public static async Task InitializeDocSyncAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        DocSyncDatabase.EnsureSqliteFolder(options);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DocSyncDbContext>();
        if (options.MigrateOnStart)
        {
            await db.Database.MigrateAsync();
        }

        if (options.Provider == DatabaseProvider.Sqlite)
        {
            // Readers never wait for the writer and a commit is one append: many API clients at once stay fast.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }
    }
}
