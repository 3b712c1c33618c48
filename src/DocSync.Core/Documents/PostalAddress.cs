namespace DocSync.Core.Documents;

/// <summary>A postal address.</summary>
public sealed record PostalAddress
{
    /// <summary>Street and number, e.g. "Grote Markt 1".</summary>
    public string? Street { get; init; }

    /// <summary>Postal code, e.g. "1000".</summary>
    public string? PostalCode { get; init; }

    /// <summary>City, e.g. "Brussel".</summary>
    public string? City { get; init; }

    /// <summary>Two-letter ISO 3166 country code, e.g. <c>BE</c>.</summary>
    public string? Country { get; init; }
}
