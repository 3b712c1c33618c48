namespace DocSync.Core.Reading;

/// <summary>One value found in a document's text, with how sure the extraction is of it.</summary>
/// <param name="Value">The value, normalized (ISO dates, invariant decimals, compact VAT numbers and IBANs).</param>
/// <param name="Confidence">
/// From 0 to 1: 0.9 and above when a label and a checksum (or a cross-check of the totals) agree,
/// about 0.6 for a value found after its label only, about 0.3 for a guess.
/// </param>
public sealed record ExtractedField(string Value, double Confidence);
