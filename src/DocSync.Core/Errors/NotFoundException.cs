namespace DocSync.Core.Errors;

/// <summary>
/// The thing does not exist in the current company (HTTP 404). Another company's id answers this
/// too, never "forbidden": it must not reveal that the id exists elsewhere.
/// </summary>
public sealed class NotFoundException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="kind">What was looked for, e.g. "document".</param>
    /// <param name="id">The id looked for.</param>
    public NotFoundException(string kind, object id)
        : base($"No {kind} '{id}' in this company.")
    {
        Kind = kind;
        Id = id.ToString() ?? string.Empty;
    }

    /// <summary>What was looked for, e.g. "document".</summary>
    public string Kind { get; }

    /// <summary>The id looked for.</summary>
    public string Id { get; }
}
