using DocSync.Core.Companies;

namespace DocSync.Core.Errors;

/// <summary>The actor lacks the right an operation needs (HTTP 403).</summary>
public sealed class AccessDeniedException : Exception
{
    /// <summary>Creates the exception for a missing right.</summary>
    /// <param name="right">The right the operation needs.</param>
    public AccessDeniedException(Right right)
        : base($"This needs the right '{right}'.") => Right = right;

    /// <summary>The right the operation needs.</summary>
    public Right Right { get; }
}
