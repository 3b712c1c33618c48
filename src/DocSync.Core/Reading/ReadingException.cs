namespace DocSync.Core.Reading;

/// <summary>Stops reading one file with an outcome and a sentence for a person; caught by <see cref="DocumentReader"/>.</summary>
internal sealed class ReadingException : Exception
{
    public ReadingException()
        : this(ReadOutcome.Failed, "Reading failed.")
    {
    }

    public ReadingException(string message)
        : this(ReadOutcome.Failed, message)
    {
    }

    public ReadingException(string message, Exception innerException)
        : base(message, innerException)
    {
        Outcome = ReadOutcome.Failed;
    }

    public ReadingException(ReadOutcome outcome, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Outcome = outcome;
    }

    /// <summary>How reading ends.</summary>
    public ReadOutcome Outcome { get; }
}
