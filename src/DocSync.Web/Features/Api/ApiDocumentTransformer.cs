using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace DocSync.Web.Features.Api;

/// <summary>Describes the API key scheme and the API itself in the OpenAPI document.</summary>
internal sealed class ApiDocumentTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "DocSync API",
            Version = "v1",
            Description = "Push and read a company's documents. Authenticate with the header `Authorization: Bearer <API key>` (create keys under API keys in the web UI). "
                + "Errors are application/problem+json naming the field and the rule.",
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["apiKey"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "An API key of the form `dsk_<prefix>_<secret>`.",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("apiKey", document)] = [] });
        return Task.CompletedTask;
    }
}
