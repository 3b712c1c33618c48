namespace DocSync.Core.Errors;

/// <summary>
/// The request contradicts the current state (HTTP 409): an idempotency key reused with another
/// payload, a stale expected version, a name already taken.
/// </summary>
public sealed class ConflictException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="field">The request field at fault, e.g. <c>idempotencyKey</c>.</param>
    /// <param name="code">A stable machine-readable code, e.g. <c>idempotency-key-reused</c>.</param>
    /// <param name="message">A sentence for people.</param>
    public ConflictException(string field, string code, string message)
        : base(message)
    {
        Field = field;
        Code = code;
    }

    /// <summary>The request field at fault.</summary>
    public string Field { get; }

    /// <summary>A stable machine-readable code.</summary>
    public string Code { get; }
}
