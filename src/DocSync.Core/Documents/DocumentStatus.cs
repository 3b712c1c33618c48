namespace DocSync.Core.Documents;

/// <summary>Where a document is in its life.</summary>
public enum DocumentStatus
{
    /// <summary>Being prepared; may still change freely.</summary>
    Draft = 1,

    /// <summary>Final (issued, or received and accepted).</summary>
    Final = 2,

    /// <summary>Sent to the other party.</summary>
    Sent = 3,

    /// <summary>Paid in full.</summary>
    Paid = 4,

    /// <summary>Cancelled; kept for the record.</summary>
    Cancelled = 5,
}
