namespace DocSync.Core.Documents;

/// <summary>A seller or buyer on a document.</summary>
public sealed record Party
{
    /// <summary>Legal or trading name. Required.</summary>
    public required string Name { get; init; }

    /// <summary>VAT number with its country prefix, e.g. <c>BE0477472701</c>; spaces and dots are allowed.</summary>
    public string? VatNumber { get; init; }

    /// <summary>Postal address.</summary>
    public PostalAddress? Address { get; init; }

    /// <summary>Bank account (IBAN), e.g. <c>BE68 5390 0754 7034</c>; spaces are allowed.</summary>
    public string? Iban { get; init; }
}
