namespace DocSync.Core.Export.Ubl;

/// <summary>A VAT category as UBL writes it on lines and in the breakdown.</summary>
/// <param name="Code">UNCL 5305 code: <c>S</c> standard rated, <c>Z</c> zero rated, <c>E</c> exempt, <c>O</c> not subject to VAT.</param>
/// <param name="Percent">The rate; <see langword="null"/> for <c>O</c>, which has none (BR-O-05).</param>
/// <param name="ExemptionCode">VATEX exemption reason code, if any.</param>
/// <param name="ExemptionReason">Exemption reason text, if any.</param>
internal sealed record UblTaxCategory(string Code, decimal? Percent, string? ExemptionCode, string? ExemptionReason);
