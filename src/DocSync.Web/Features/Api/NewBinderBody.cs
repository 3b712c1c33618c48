namespace DocSync.Web.Features.Api;

/// <summary>A binder to create.</summary>
/// <param name="Name">Its name (unique in the company).</param>
/// <param name="Description">What goes in it.</param>
public sealed record NewBinderBody(string Name, string? Description);
