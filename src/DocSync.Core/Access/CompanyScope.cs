using DocSync.Core.Companies;

namespace DocSync.Core.Access;

/// <summary>What an actor may do in one company: the result of resolving a membership or an API key.</summary>
/// <param name="CompanyId">The company.</param>
/// <param name="Actor">Who acts.</param>
/// <param name="Rights">The rights the actor holds in that company.</param>
public sealed record CompanyScope(Guid CompanyId, Actor Actor, IReadOnlySet<Right> Rights)
{
    /// <summary>A scope for DocSync itself in <paramref name="companyId"/>, holding every right.</summary>
    /// <param name="companyId">The company.</param>
    public static CompanyScope System(Guid companyId) => new(companyId, Actor.System, RoleRights.All);
}
