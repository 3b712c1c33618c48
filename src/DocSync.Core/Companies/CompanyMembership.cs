namespace DocSync.Core.Companies;

/// <summary>A company a person belongs to, for the company switcher.</summary>
/// <param name="CompanyId">The company.</param>
/// <param name="CompanyName">Its name.</param>
/// <param name="Role">The person's role there.</param>
public sealed record CompanyMembership(Guid CompanyId, string CompanyName, CompanyRole Role);
