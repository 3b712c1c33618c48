namespace DocSync.Web.Tests.Infrastructure;

/// <summary>A company made for a test: its owner (password <see cref="Password"/>) and an API key.</summary>
public sealed record TestTenant(DocSyncApp App, Guid CompanyId, Guid OwnerId, string OwnerEmail, string ApiKey)
{
    public const string Password = "correct horse battery";

    /// <summary>An API client for this tenant's key.</summary>
    public HttpClient Api() => App.ApiClient(ApiKey);
}
