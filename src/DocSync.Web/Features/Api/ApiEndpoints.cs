using DocSync.Core.Companies;
using DocSync.Core.Organizing;
using DocSync.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DocSync.Web.Features.Api;

/// <summary>Maps <c>/api/v1</c>: every route needs an API key and acts in that key's company only.</summary>
internal static class ApiEndpoints
{
    public static IEndpointRouteBuilder MapDocSyncApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1")
            .RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = ApiKeyAuthenticationHandler.SchemeName })
            .DisableAntiforgery();
        api.MapGet("/company", async (CompanyService companies, CancellationToken cancellationToken) =>
        {
            var company = await companies.GetCurrentAsync(cancellationToken);
            return TypedResults.Ok(new CompanyBody(company.Id, company.Name, company.Country, company.VatNumber));
        }).WithTags("Company").WithSummary("The company the API key belongs to.");
        api.MapGet("/overview", async (DocSync.Core.Overview.OverviewQuery overview, DocSync.Core.Access.ICompanyContext company, CancellationToken cancellationToken) =>
            TypedResults.Ok(OverviewBody.From(company.CompanyId, await overview.GetAsync(cancellationToken))))
            .WithTags("Overview").WithSummary("How the company stands: documents, Dropbox connections, channels, inbox, 30 days of activity and what needs a person.");
        api.MapDocumentEndpoints();
        api.MapBinderEndpoints();
        api.MapInboxEndpoints();
        api.MapFilesEndpoints();
        api.MapFallback(NoRoute);

        // Any other path under /api (another version, a typo) is a problem too, not an empty 404; no key needed to learn that.
        app.MapFallback("/api/{**path}", NoRoute).ExcludeFromDescription();
        return app;
    }

    private static Task NoRoute(HttpContext context) => DocSync.Web.Errors.ApiProblems.WriteAsync(context, StatusCodes.Status404NotFound, "no-route",
        $"There is no API route {context.Request.Method} {context.Request.Path}; see /api/docs.");

    private static RouteGroupBuilder MapBinderEndpoints(this RouteGroupBuilder api)
    {
        var binders = api.MapGroup("/binders").WithTags("Binders");
        binders.MapGet("/", async (BinderService service, CancellationToken cancellationToken) =>
            TypedResults.Ok((await service.ListAsync(cancellationToken)).Select(BinderBody.From).ToList()))
            .WithSummary("Lists the company's binders.");
        binders.MapPost("/", async Task<Created<BinderBody>> (NewBinderBody body, BinderService service, CancellationToken cancellationToken) =>
        {
            var binder = BinderBody.From(await service.CreateAsync(body.Name, body.Description, cancellationToken));
            return TypedResults.Created($"/api/v1/binders/{binder.Id}", binder);
        }).WithSummary("Creates a binder.").ProducesProblem(409).ProducesProblem(422);
        return api;
    }
}
