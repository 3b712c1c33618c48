using DocSync.Core;
using DocSync.Core.Documents;
using DocSync.Core.Errors;
using DocSync.Core.Validation;
using DocSync.Web.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DocSync.Web.Features.Api;

/// <summary>The documents API: list, get, create (idempotent), update (optimistic), versions and files.</summary>
internal static class DocumentEndpoints
{
    public static RouteGroupBuilder MapDocumentEndpoints(this RouteGroupBuilder api)
    {
        var documents = api.MapGroup("/documents").WithTags("Documents");
        documents.MapGet("/", ListAsync).WithSummary("Lists documents, newest first, with filters and paging.");
        documents.MapGet("/next-number", NextNumberAsync)
            .WithSummary("Suggests the next free number for a new document of a type, in a year (default: this year), following the company's numbering, e.g. F2026-0043 after F2026-0042.")
            .ProducesProblem(400);
        documents.MapGet("/{id:guid}", GetAsync).WithSummary("Gets a document's current version with its files.");
        documents.MapPost("/", CreateAsync).WithSummary("Creates a document (JSON, or multipart with file parts). Send an Idempotency-Key header to make retries safe.")
            .Accepts<DocumentBody>("application/json", "multipart/form-data")
            .ProducesProblem(400).ProducesProblem(409).ProducesProblem(413).ProducesProblem(415).ProducesProblem(422);
        documents.MapPut("/{id:guid}", UpdateAsync).WithSummary("Makes a new version of a document. Send `If-Match: \"<version>\"` to refuse lost updates.")
            .Accepts<DocumentBody>("application/json", "multipart/form-data")
            .ProducesProblem(400).ProducesProblem(404).ProducesProblem(412).ProducesProblem(413).ProducesProblem(422);
        // Routing turns a body of another media type away from the two endpoints above (their Accepts
        // metadata) and the API's fallback would answer 404: these answer 415 instead.
        documents.MapPost("/", UnsupportedMediaType).WithOrder(1).ExcludeFromDescription();
        documents.MapPut("/{id:guid}", UnsupportedMediaType).WithOrder(1).ExcludeFromDescription();
        documents.MapGet("/{id:guid}/versions", ListVersionsAsync).WithSummary("Lists every version of a document.");
        documents.MapGet("/{id:guid}/versions/{version:int}", GetVersionAsync).WithSummary("Gets one version of a document as it was.");
        documents.MapGet("/{id:guid}/files/{fileId:guid}", DownloadAsync).WithSummary("Downloads one of a document's files.");
        documents.MapDelete("/{id:guid}", DeleteAsync)
            .WithSummary("Deletes a document: it leaves lists and lookups, its versions are kept, and export profiles delete its files in Dropbox only when set to. Send `If-Match: \"<version>\"` to refuse deleting a newer version.")
            .ProducesProblem(404).ProducesProblem(412);
        return api;
    }

    private static async Task<Results<Ok<PagedResult<DocumentSummary>>, ProblemHttpResult>> ListAsync(
        [AsParameters] DocumentListParameters parameters, DocumentService service, HttpContext context, CancellationToken cancellationToken)
    {
        var errors = new List<ValidationError>();
        var query = parameters.ToQuery(errors);
        return errors.Count > 0
            ? TypedResults.Problem(ApiProblems.Create(context, StatusCodes.Status400BadRequest, "bad-query", "A query parameter has the wrong format.", errors))
            : TypedResults.Ok(await service.ListAsync(query, cancellationToken));
    }

    private static async Task<Results<Ok<NextNumberBody>, ProblemHttpResult>> NextNumberAsync(
        string? type, string? year, DocumentService service, HttpContext context, CancellationToken cancellationToken)
    {
        var errors = new List<ValidationError>();
        var documentType = QueryValues.Enum<DocumentType>(type, "type", errors, "a document type such as invoice or creditNote");
        var forYear = QueryValues.Int(year, "year", errors);
        if (documentType is null && errors.Count == 0)
        {
            errors.Add(new("type", "required", "'type' is required, e.g. type=invoice."));
        }

        if (errors.Count > 0)
        {
            return TypedResults.Problem(ApiProblems.Create(context, StatusCodes.Status400BadRequest, "bad-query", "A query parameter is missing or has the wrong format.", errors));
        }

        var number = await service.SuggestNumberAsync(documentType!.Value, forYear, cancellationToken);
        return TypedResults.Ok(new NextNumberBody(documentType.Value, number));
    }

    private static async Task<Ok<DocumentView>> GetAsync(Guid id, DocumentService service, HttpContext context, CancellationToken cancellationToken)
    {
        var document = await service.GetAsync(id, cancellationToken);
        context.Response.Headers.ETag = $"\"{document.CurrentVersion}\"";
        return TypedResults.Ok(document);
    }

    private static async Task<IResult> CreateAsync(HttpContext context, DocumentService service)
    {
        var payload = await DocumentPayloadReader.ReadAsync(context);
        if (payload.Body.RemoveFileIds.Count > 0)
        {
            throw new ValidationFailedException("removeFileIds", "not-on-create", "A new document has no files to remove; send removeFileIds with an update.");
        }

        string? key = context.Request.Headers["Idempotency-Key"];
        var result = await ApiFields.TranslateAsync(() => service.CreateAsync(new CreateDocumentRequest
        {
            Content = payload.Body.Content,
            Status = payload.Body.Status,
            BinderId = payload.Body.BinderId,
            Files = payload.Files,
            IdempotencyKey = key,
        }, context.RequestAborted));
        context.Response.Headers.ETag = $"\"{result.Document.CurrentVersion}\"";
        if (result.Replayed)
        {
            context.Response.Headers["Idempotent-Replayed"] = "true";
            return TypedResults.Ok(result.Document);
        }

        return TypedResults.Created($"/api/v1/documents/{result.Document.Id}", result.Document);
    }

    private static async Task<Ok<DocumentView>> UpdateAsync(Guid id, HttpContext context, DocumentService service)
    {
        var payload = await DocumentPayloadReader.ReadAsync(context);
        var expectedVersion = ExpectedVersion(context);
        var document = await ApiFields.TranslateAsync(() => service.UpdateAsync(id, new UpdateDocumentRequest
        {
            Content = payload.Body.Content,
            Status = payload.Body.Status,
            BinderId = payload.Body.BinderId,
            AddFiles = payload.Files,
            RemoveFileIds = payload.Body.RemoveFileIds,
            ExpectedVersion = expectedVersion,
        }, context.RequestAborted));
        context.Response.Headers.ETag = $"\"{document.CurrentVersion}\"";
        return TypedResults.Ok(document);
    }

    private static async Task<NoContent> DeleteAsync(Guid id, HttpContext context, DocumentService service)
    {
        var expectedVersion = ExpectedVersion(context);
        await ApiFields.TranslateAsync(async () =>
        {
            await service.DeleteAsync(id, expectedVersion, context.RequestAborted);
            return true;
        });
        return TypedResults.NoContent();
    }

    private static async Task<Ok<IReadOnlyList<DocumentVersionInfo>>> ListVersionsAsync(Guid id, DocumentService service, CancellationToken cancellationToken) =>
        TypedResults.Ok(await service.ListVersionsAsync(id, cancellationToken));

    private static async Task<Ok<DocumentView>> GetVersionAsync(Guid id, int version, DocumentService service, CancellationToken cancellationToken) =>
        TypedResults.Ok(await service.GetVersionAsync(id, version, cancellationToken));

    private static async Task<FileStreamHttpResult> DownloadAsync(Guid id, Guid fileId, DocumentService service, CancellationToken cancellationToken)
    {
        var (file, content) = await service.OpenFileAsync(id, fileId, cancellationToken);
        return TypedResults.File(content, file.ContentType, file.FileName, entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{file.Sha256}\""), enableRangeProcessing: true);
    }

    private static IResult UnsupportedMediaType() => throw new UnsupportedMediaTypeException();

    private static int? ExpectedVersion(HttpContext context)
    {
        string? ifMatch = context.Request.Headers.IfMatch;
        if (string.IsNullOrWhiteSpace(ifMatch))
        {
            return null;
        }

        return int.TryParse(ifMatch.Trim().Trim('"').Replace("W/", "", StringComparison.Ordinal).Trim('"'), out var version) && version > 0
            ? version
            : throw new ValidationFailedException("If-Match", "if-match", "If-Match holds the version you last read, e.g. \"3\".");
    }
}
