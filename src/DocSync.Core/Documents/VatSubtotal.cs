namespace DocSync.Core.Documents;

/// <summary>One row of the VAT breakdown: the lines at one rate.</summary>
public sealed record VatSubtotal
{
    /// <summary>The VAT rate in percent.</summary>
    public decimal Rate { get; init; }

    /// <summary>Sum of the net amounts of the lines at this rate.</summary>
    public decimal TaxableAmount { get; init; }

    /// <summary>The VAT at this rate: the taxable amount × rate / 100, rounded to the cent, half away from zero.</summary>
    public decimal VatAmount { get; init; }
}
