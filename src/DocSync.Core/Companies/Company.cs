namespace DocSync.Core.Companies;

/// <summary>A tenant: every document, binder, key and audit entry belongs to exactly one company.</summary>
public sealed class Company
{
    /// <summary>The company's id.</summary>
    public Guid Id { get; set; }

    /// <summary>Display name, e.g. "Brasserie Van Damme BV".</summary>
    public required string Name { get; set; }

    /// <summary>The company's own VAT number, normalized (e.g. <c>BE0477472701</c>), if known.</summary>
    public string? VatNumber { get; set; }

    /// <summary>Two-letter country code of the company's seat, e.g. <c>BE</c>.</summary>
    public required string Country { get; set; }

    /// <summary>When the company was created.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Whether the demo seeder made it.</summary>
    public bool IsDemo { get; set; }
}
