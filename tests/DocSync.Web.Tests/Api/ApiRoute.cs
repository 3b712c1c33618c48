namespace DocSync.Web.Tests.Api;

/// <summary>
/// One route of <c>/api/v1</c>. <see cref="All"/> lists every route the API maps (a test compares it
/// with the app's endpoints), so the cross-company and authentication matrices cover a new route
/// as soon as it is added.
/// </summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Template">The path with <c>{id}</c>, <c>{version}</c> and <c>{fileId}</c> placeholders.</param>
public sealed record ApiRoute(string Method, string Template)
{
    public static IReadOnlyList<ApiRoute> All { get; } =
    [
        new("GET", "/api/v1/company"),
        new("GET", "/api/v1/documents"),
        new("POST", "/api/v1/documents"),
        new("GET", "/api/v1/documents/{id}"),
        new("PUT", "/api/v1/documents/{id}"),
        new("GET", "/api/v1/documents/{id}/versions"),
        new("GET", "/api/v1/documents/{id}/versions/{version}"),
        new("GET", "/api/v1/documents/{id}/files/{fileId}"),
        new("GET", "/api/v1/binders"),
        new("POST", "/api/v1/binders"),
    ];

    /// <summary>Whether the route names one of the company's things by id.</summary>
    public bool TakesIds => Template.Contains('{', StringComparison.Ordinal);

    /// <summary>The path for a document, its first version and a file.</summary>
    public string Sample(Guid documentId, Guid fileId, int version = 1) => Template
        .Replace("{id}", documentId.ToString(), StringComparison.Ordinal)
        .Replace("{version}", version.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{fileId}", fileId.ToString(), StringComparison.Ordinal);

    public override string ToString() => $"{Method} {Template}";
}
