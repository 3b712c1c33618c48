namespace DocSync.Core.Reading;

/// <summary>A date found on a line.</summary>
/// <param name="Value">The date.</param>
/// <param name="Start">Where it starts on the line.</param>
/// <param name="End">Where it ends (exclusive).</param>
internal sealed record FoundDate(DateOnly Value, int Start, int End);
