namespace DocSync.Dropbox.Http;

/// <summary>
/// What the retry loop saw during one call, so a write can tell a genuine conflict from its own
/// earlier attempt having landed before the answer was lost.
/// </summary>
internal sealed class CallTrace
{
    /// <summary>Attempts made (renewals of the token not counted).</summary>
    public int Attempts { get; set; }

    /// <summary>True when an earlier attempt may have been applied: its answer was lost or was a 5xx.</summary>
    public bool MayHaveApplied { get; set; }
}
