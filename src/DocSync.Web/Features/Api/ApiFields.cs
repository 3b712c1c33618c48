using DocSync.Core.Errors;
using DocSync.Core.Validation;

namespace DocSync.Web.Features.Api;

/// <summary>
/// Renames the fields DocSync.Core names in its errors to the paths of the API request, so that one
/// field has one name whichever check refused it: the validator's <c>totals.totalVat</c> is the
/// body's <c>content.totals.totalVat</c>, an update's <c>addFiles[0]</c> is the body's <c>files[0]</c>,
/// and the expected version and idempotency key are the <c>If-Match</c> and <c>Idempotency-Key</c> headers.
/// </summary>
internal static class ApiFields
{
    // Fields of the body (and headers) itself; any other field Core names lies inside "content".
    private static readonly HashSet<string> Outside = new(StringComparer.Ordinal)
    {
        "body", "document", "content", "status", "binderId", "files", "removeFileIds", "If-Match", "Idempotency-Key",
    };

    /// <summary>Runs <paramref name="call"/>, translating the fields of the errors it throws.</summary>
    public static async Task<T> TranslateAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (ValidationFailedException e)
        {
            throw new ValidationFailedException(e.Errors.Select(error => error with { Field = Rename(error.Field) }).ToList());
        }
        catch (ConflictException e) when (Rename(e.Field) != e.Field)
        {
            throw new ConflictException(Rename(e.Field), e.Code, e.Message);
        }
    }

    public static string Rename(string field) => field switch
    {
        "expectedVersion" => "If-Match",
        "idempotencyKey" => "Idempotency-Key",
        _ when field.StartsWith("addFiles", StringComparison.Ordinal) => "files" + field["addFiles".Length..],
        _ when Outside.Contains(field.Split('.', '[')[0]) => field,
        _ => "content." + field,
    };
}
