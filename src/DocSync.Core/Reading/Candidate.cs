namespace DocSync.Core.Reading;

/// <summary>A value found for a field, before one is chosen.</summary>
/// <param name="Value">The value.</param>
/// <param name="Confidence">How sure the finding is, 0 to 1.</param>
/// <param name="Line">The line it is on.</param>
/// <param name="Strong">Whether it followed a specific label rather than a generic one.</param>
internal sealed record Candidate<T>(T Value, double Confidence, int Line, bool Strong);
