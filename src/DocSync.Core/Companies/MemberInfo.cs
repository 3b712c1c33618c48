namespace DocSync.Core.Companies;

/// <summary>A person in the current company.</summary>
/// <param name="PersonId">The person.</param>
/// <param name="DisplayName">Their name.</param>
/// <param name="Email">Their e-mail address.</param>
/// <param name="Role">Their role here.</param>
public sealed record MemberInfo(Guid PersonId, string DisplayName, string? Email, CompanyRole Role);
