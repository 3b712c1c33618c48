using DocSync.Core.Validation;

namespace DocSync.Core.Errors;

/// <summary>The input broke one or more rules (HTTP 400/422); nothing was written.</summary>
public sealed class ValidationFailedException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="errors">The broken rules; at least one.</param>
    public ValidationFailedException(IReadOnlyList<ValidationError> errors)
        : base(Describe(errors)) => Errors = errors;

    /// <summary>Creates the exception for one broken rule.</summary>
    /// <param name="field">The field.</param>
    /// <param name="code">The rule's code.</param>
    /// <param name="message">A sentence for people.</param>
    public ValidationFailedException(string field, string code, string message)
        : this([new ValidationError(field, code, message)])
    {
    }

    /// <summary>The broken rules.</summary>
    public IReadOnlyList<ValidationError> Errors { get; }

    private static string Describe(IReadOnlyList<ValidationError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return "Invalid input: " + string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}"));
    }
}
