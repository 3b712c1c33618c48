namespace DocSync.Core.Reading;

/// <summary>An amount found on a line.</summary>
/// <param name="Value">The amount.</param>
/// <param name="Start">Where it starts on the line, currency included.</param>
/// <param name="End">Where it ends (exclusive).</param>
/// <param name="Currency">The ISO code of a currency sign or code written next to it, if any.</param>
internal sealed record FoundAmount(decimal Value, int Start, int End, string? Currency);
