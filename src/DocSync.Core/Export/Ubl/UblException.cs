namespace DocSync.Core.Export.Ubl;

/// <summary>
/// The document cannot become a valid Peppol BIS Billing 3.0 document; <see cref="Problems"/> says why,
/// one sentence per problem, each naming the field and, where there is one, the Peppol or EN 16931 rule.
/// </summary>
public sealed class UblException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="problems">The problems; at least one.</param>
    public UblException(IReadOnlyList<string> problems)
        : base(Describe(problems)) => Problems = problems;

    /// <summary>The problems, one human-readable sentence each.</summary>
    public IReadOnlyList<string> Problems { get; }

    private static string Describe(IReadOnlyList<string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        return "This document cannot be written as Peppol BIS Billing 3.0 UBL: " + string.Join(" ", problems);
    }
}
