using System.Text.Json;
using DocSync.Core.Blobs;
using DocSync.Core.Errors;
using Microsoft.AspNetCore.Diagnostics;

namespace DocSync.Web.Errors;

/// <summary>
/// Translates DocSync's exceptions into answers once, at the edge: problem+json on the API, the
/// status page in the UI. Anything unexpected is a 500 that names no internals.
/// </summary>
internal sealed partial class ProblemExceptionHandler(ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        // The middleware has already moved Request.Path to the error page; the feature keeps the path asked for.
        var path = httpContext.Features.Get<IExceptionHandlerFeature>()?.Path is { } original ? new PathString(original) : httpContext.Request.Path;
        var (status, code, detail, errors) = Classify(exception);
        if (status == 500)
        {
            Unhandled(logger, exception, path);
        }

        if (!path.StartsWithSegments("/api"))
        {
            // The UI re-executes its status page, which classifies the same exception again.
            return false;
        }

        // Back to the API path, so the problem's instance names the request, not the error page.
        httpContext.Request.Path = path;
        await ApiProblems.WriteAsync(httpContext, status, code, detail, errors);
        return true;
    }

    internal static (int Status, string Code, string Detail, IReadOnlyList<Core.Validation.ValidationError>? Errors) Classify(Exception exception) => exception switch
    {
        ValidationFailedException v => (422, "validation", "The request breaks " + (v.Errors.Count == 1 ? "a rule." : $"{v.Errors.Count} rules."), v.Errors),
        NotFoundException n => (404, "not-found", n.Message, null),
        ConflictException { Code: "version-conflict" } c => (412, c.Code, c.Message, [new(c.Field, c.Code, c.Message)]),
        ConflictException c => (409, c.Code, c.Message, [new(c.Field, c.Code, c.Message)]),
        AccessDeniedException a => (403, "forbidden", a.Message, null),
        MalformedRequestException m => (400, m.Code, m.Message, [new(m.Field, m.Code, m.Message)]),
        BlobTooLargeException b => (413, "too-large", b.Message, null),
        BadHttpRequestException { StatusCode: 413 } => (413, "too-large", "The request body is larger than this server accepts.", null),
        BadHttpRequestException { InnerException: JsonException j } => (400, "malformed-json", JsonErrors.Describe(j), JsonErrors.ToErrors(j)),
        BadHttpRequestException b when BindingErrors.Describe(b) is { } bound => (400, "bad-query", $"The parameter '{bound.Field}' cannot be read.", [bound]),
        BadHttpRequestException b => (b.StatusCode, "bad-request", b.Message, null),
        Features.Api.UnsupportedMediaTypeException u => (415, "media-type", u.Message, null),
        // A web form that cannot be read: more values than DocSync:Web:MaxFormValues, cut off, malformed.
        Microsoft.AspNetCore.Mvc.ModelBinding.ValueProviderException or InvalidDataException or Microsoft.AspNetCore.Antiforgery.AntiforgeryValidationException =>
            (400, "malformed-form", "The form cannot be read: it is cut off, malformed or has more fields than allowed.", null),
        JsonException j => (400, "malformed-json", JsonErrors.Describe(j), JsonErrors.ToErrors(j)),
        _ => (500, "internal", "Something went wrong on our side; nothing was changed. The trace id identifies it in the server log.", null),
    };

    [LoggerMessage(EventId = 2100, Level = LogLevel.Error, Message = "Unhandled error on {Path}")]
    private static partial void Unhandled(ILogger logger, Exception exception, string path);
}
