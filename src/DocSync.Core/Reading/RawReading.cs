namespace DocSync.Core.Reading;

/// <summary>What reading a file gave before its text is cleaned and its fields extracted.</summary>
/// <param name="Outcome">How reading ended.</param>
/// <param name="Text">The text as the tools gave it.</param>
/// <param name="Method"><c>text-layer</c>, <c>ocr</c> or <c>none</c>.</param>
/// <param name="Pages">The pages read.</param>
/// <param name="PageCount">The pages the file has, when known (more than <paramref name="Pages"/> for a long PDF).</param>
/// <param name="Problem">What went wrong, for a person.</param>
internal sealed record RawReading(ReadOutcome Outcome, string Text, string Method, int Pages, int PageCount, string? Problem)
{
    /// <summary>The e-invoice the file is or carries, read from its XML.</summary>
    public EInvoices.EInvoice? EInvoice { get; init; }

    public static RawReading Stopped(ReadOutcome outcome, string problem) => new(outcome, "", "none", 0, 0, problem);
}
