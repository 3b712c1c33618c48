namespace DocSync.Core.Export.Ubl;

/// <summary>One row of the VAT breakdown (one <c>cac:TaxSubtotal</c>).</summary>
/// <param name="Category">The category and rate.</param>
/// <param name="Taxable">Sum of the line nets in this category and rate.</param>
/// <param name="Tax">Taxable × rate, rounded to the cent.</param>
internal sealed record UblTaxRowPlan(UblTaxCategory Category, decimal Taxable, decimal Tax);
