namespace DocSync.Core.Reading;

/// <summary>A label found on a line.</summary>
/// <param name="Line">The line's index.</param>
/// <param name="Start">Where the label starts.</param>
/// <param name="End">Where it ends (exclusive).</param>
/// <param name="Kind">What it announces.</param>
/// <param name="Strong">Whether it is specific ("Invoice date") rather than generic ("Date").</param>
internal sealed record LabelHit(int Line, int Start, int End, LabelKind Kind, bool Strong);
