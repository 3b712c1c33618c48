namespace DocSync.Core.Export.Ubl;

/// <summary>One line as the UBL states it (signs already settled: the price is never negative).</summary>
/// <param name="Id">Line number, from 1.</param>
/// <param name="Name">Item name.</param>
/// <param name="Quantity">Invoiced or credited quantity.</param>
/// <param name="Price">Net unit price, at least 0 (BR-27).</param>
/// <param name="Net">Quantity × price, rounded to the cent.</param>
/// <param name="Category">The line's VAT category.</param>
internal sealed record UblLinePlan(int Id, string Name, decimal Quantity, decimal Price, decimal Net, UblTaxCategory Category);
