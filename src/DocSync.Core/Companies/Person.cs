using Microsoft.AspNetCore.Identity;

namespace DocSync.Core.Companies;

/// <summary>
/// A person who signs in (an ASP.NET Core Identity user). People are not company-scoped: one
/// person (typically an accountant) may hold memberships in many companies.
/// </summary>
public sealed class Person : IdentityUser<Guid>
{
    /// <summary>Name shown in the UI and the audit log.</summary>
    public required string DisplayName { get; set; }

    /// <summary>When the person was first added.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Preferred UI language (<c>en</c>, <c>nl</c> or <c>fr</c>). Default <c>en</c>.</summary>
    public string Culture { get; set; } = "en";

    /// <summary>
    /// The company whose invitation created this person, while they have no password yet: only that
    /// company's invitation may set their first password. <see langword="null"/> for people who
    /// made their own account (the first owner) or were created directly.
    /// </summary>
    public Guid? CreatedByCompanyId { get; set; }

    /// <summary>
    /// Lockouts in a row since the last successful sign-in: each makes the next one longer, up to a
    /// cap (<see cref="DocSync.Core.Accounts.LockoutPolicy"/>), so a lockout never lasts for good.
    /// </summary>
    public int ConsecutiveLockouts { get; set; }
}
