using DocSync.Core.Persistence;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace DocSync.Web.Tests.Api;

/// <summary><see cref="ApiRoute.All"/> is the API: every mapped route is in it, and documented.</summary>
[Collection(WebCollection.Name)]
public sealed class ApiRouteTests(Databases databases)
{
    [Fact]
    public async Task Matrix_EveryMappedApiRoute_Listed()
    {
        await using var app = await DocSyncApp.StartAsync(databases, DatabaseProvider.Sqlite);

        var mapped = app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => Normalize(e.RoutePattern).StartsWith("/api/v1/", StringComparison.Ordinal) && !e.RoutePattern.Parameters.Any(p => p.IsCatchAll))
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(m => new ApiRoute(m, Normalize(e.RoutePattern))))
            .ToList();

        mapped.ShouldNotBeEmpty();
        mapped.Except(ApiRoute.All).ShouldBeEmpty("Routes mapped but missing from ApiRoute.All: add them so the matrices cover them.");
        ApiRoute.All.Except(mapped).ShouldBeEmpty("Routes in ApiRoute.All the app no longer maps.");
    }

    [Fact]
    public async Task OpenApi_EveryRoute_Documented()
    {
        await using var app = await DocSyncApp.StartAsync(databases, DatabaseProvider.Sqlite);

        var document = await app.ApiClient(null).GetJsonAsync("/openapi/v1.json");

        var paths = document["paths"]!.AsObject();
        foreach (var route in ApiRoute.All)
        {
            var path = paths.FirstOrDefault(p => p.Key.TrimEnd('/') == route.Template).Value;
            path.ShouldNotBeNull($"{route} is not in the OpenAPI document.");
            path[route.Method.ToLowerInvariant()].ShouldNotBeNull($"{route} is not in the OpenAPI document.");
        }

        var list = paths.Single(p => p.Key.TrimEnd('/') == "/api/v1/documents").Value!["get"]!;
        list["parameters"]!.AsArray().Select(p => p!["name"]!.GetValue<string>())
            .ShouldBe(["type", "status", "binderId", "issuedFrom", "issuedTo", "q", "page", "pageSize"], ignoreOrder: true);
    }

    // "/api/v1/documents/{id:guid}/versions/{version:int}" → "/api/v1/documents/{id}/versions/{version}"; no trailing slash.
    private static string Normalize(RoutePattern pattern) =>
        "/" + string.Join("/", pattern.PathSegments.Select(s => string.Concat(s.Parts.Select(p => p switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternParameterPart parameter => "{" + parameter.Name + "}",
            RoutePatternSeparatorPart separator => separator.Content,
            _ => "?",
        }))));
}
