using DocSync.Core.Reading;

namespace DocSync.Core.Organizing;

/// <summary>What reading a file gave, stored with its inbox item.</summary>
/// <param name="State">Read, no text, or failed.</param>
/// <param name="Method"><c>text-layer</c>, <c>ocr</c> or <c>none</c>.</param>
/// <param name="Text">The text.</param>
/// <param name="Language">The guessed language, if any.</param>
/// <param name="Fields">The extracted fields.</param>
/// <param name="Problem">Why there is no text, if there is none.</param>
public sealed record InboxReading(InboxReadState State, string Method, string Text, string? Language, ExtractedFields Fields, string? Problem)
{
    /// <summary>The reading of <paramref name="result"/>.</summary>
    /// <param name="result">What <see cref="DocumentReader"/> returned.</param>
    public static InboxReading From(ReadResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var state = result.Outcome switch
        {
            ReadOutcome.Read or ReadOutcome.TooManyPages => InboxReadState.Read,
            ReadOutcome.NoText => InboxReadState.NoText,
            _ => InboxReadState.Failed,
        };
        return new InboxReading(state, result.Method, result.Text, result.Language, result.Fields, result.Problem);
    }
}
