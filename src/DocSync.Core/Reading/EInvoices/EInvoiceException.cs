namespace DocSync.Core.Reading.EInvoices;

/// <summary>An XML file that cannot be read as an e-invoice; <see cref="Outcome"/> says how it ends for reading.</summary>
public sealed class EInvoiceException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="outcome"><see cref="ReadOutcome.Corrupt"/> for malformed, hostile or oversized XML; <see cref="ReadOutcome.Unsupported"/> for XML that is not an e-invoice.</param>
    /// <param name="message">A sentence for a person.</param>
    public EInvoiceException(ReadOutcome outcome, string message)
        : base(message) => Outcome = outcome;

    /// <summary>Creates the exception.</summary>
    public EInvoiceException()
        : this(ReadOutcome.Corrupt, "The XML cannot be read.")
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">A sentence for a person.</param>
    public EInvoiceException(string message)
        : this(ReadOutcome.Corrupt, message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">A sentence for a person.</param>
    /// <param name="innerException">The cause.</param>
    public EInvoiceException(string message, Exception innerException)
        : base(message, innerException) => Outcome = ReadOutcome.Corrupt;

    /// <summary>How reading the file ends.</summary>
    public ReadOutcome Outcome { get; }
}
