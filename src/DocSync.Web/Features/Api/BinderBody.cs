using DocSync.Core.Organizing;

namespace DocSync.Web.Features.Api;

/// <summary>A binder as the API shows it.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Name">Its name.</param>
/// <param name="Description">What goes in it.</param>
public sealed record BinderBody(Guid Id, string Name, string? Description)
{
    internal static BinderBody From(Binder binder) => new(binder.Id, binder.Name, binder.Description);
}
