using DocSync.Core.Access;

namespace DocSync.Core.Companies;

/// <summary>A person's role in one company.</summary>
public sealed class Membership : ICompanyScoped
{
    /// <summary>The membership's id.</summary>
    public Guid Id { get; set; }

    /// <inheritdoc />
    public Guid CompanyId { get; set; }

    /// <summary>The person.</summary>
    public Guid PersonId { get; set; }

    /// <summary>The person's role in the company.</summary>
    public CompanyRole Role { get; set; }

    /// <summary>When the person joined the company.</summary>
    public DateTimeOffset CreatedAt { get; set; }
}
