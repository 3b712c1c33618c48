using System.Text;
using System.Text.Json;
using DocSync.Core;
using DocSync.Core.Errors;
using DocSync.Core.Organizing;
using DocSync.Core.Validation;
using DocSync.Web.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace DocSync.Web.Features.Api;

/// <summary>
/// The inbox API: a host application drops files to be processed (a scanned receipt, a supplier's
/// PDF). With a <c>Source-Ref</c> header the same file reference enters the inbox exactly once, however
/// often the call is retried. Each item shows what reading its file gave (state, language, fields,
/// a possible duplicate); a person or host application corrects the fields with PUT.
/// </summary>
internal static class InboxEndpoints
{
    public static RouteGroupBuilder MapInboxEndpoints(this RouteGroupBuilder api)
    {
        var inbox = api.MapGroup("/inbox").WithTags("Inbox");
        inbox.MapGet("/", ListAsync).WithSummary("Lists inbox items, newest first.");
        inbox.MapGet("/{id:guid}", GetAsync).WithSummary("Gets one inbox item.");
        inbox.MapGet("/{id:guid}/content", ContentAsync).WithSummary("Downloads an inbox item's file.");
        inbox.MapGet("/{id:guid}/text", TextAsync).WithSummary("The text read from an inbox item's file (empty when none was read).")
            .Produces<string>(StatusCodes.Status200OK, "text/plain").ProducesProblem(404);
        inbox.MapPut("/{id:guid}/fields", UpdateFieldsAsync)
            .WithSummary("Replaces a pending inbox item's fields as a person checked them (a field left out or empty is cleared) and looks for duplicates again.")
            .Accepts<InboxFieldsBody>("application/json")
            .ProducesProblem(400).ProducesProblem(404).ProducesProblem(409).ProducesProblem(415).ProducesProblem(422);
        inbox.MapPost("/", ReceiveAsync)
            .WithSummary("Puts one file in the inbox: the raw bytes as the body, the name in Content-Disposition (filename or filename*). Send Source-Ref to make it exactly-once.")
            .Accepts<Stream>("application/octet-stream", "application/pdf", "image/png", "image/jpeg")
            .ProducesProblem(400).ProducesProblem(413).ProducesProblem(415).ProducesProblem(422);

        // Another media type: 415 rather than the fallback's 404 (see DocumentEndpoints).
        inbox.MapPost("/", UnsupportedMediaType).WithOrder(1).ExcludeFromDescription();
        inbox.MapPut("/{id:guid}/fields", UnsupportedFieldsMediaType).WithOrder(1).ExcludeFromDescription();
        return api;
    }

    private static async Task<Results<Ok<PagedResult<InboxItemBody>>, ProblemHttpResult>> ListAsync(
        [AsParameters] InboxListParameters parameters, InboxService service, HttpContext context, CancellationToken cancellationToken)
    {
        var errors = new List<ValidationError>();
        var query = parameters.ToQuery(errors);
        return errors.Count > 0
            ? TypedResults.Problem(ApiProblems.Create(context, StatusCodes.Status400BadRequest, "bad-query", "A query parameter has the wrong format.", errors))
            : TypedResults.Ok(Bodies(await service.ListAsync(query, cancellationToken)));
    }

    private static IResult UnsupportedMediaType() => throw new UnsupportedMediaTypeException(
        "Send the file's bytes as the body, typed application/octet-stream, application/pdf, image/png or image/jpeg.");

    private static IResult UnsupportedFieldsMediaType() => throw new UnsupportedMediaTypeException("Send the fields as application/json.");

    private static async Task<Ok<InboxItemBody>> GetAsync(Guid id, InboxService service, CancellationToken cancellationToken) =>
        TypedResults.Ok(InboxItemBody.From(await service.GetAsync(id, cancellationToken)));

    private static async Task<ContentHttpResult> TextAsync(Guid id, InboxService service, CancellationToken cancellationToken) =>
        TypedResults.Text(await service.GetTextAsync(id, cancellationToken), "text/plain", Encoding.UTF8);

    private static async Task<Ok<InboxItemBody>> UpdateFieldsAsync(Guid id, HttpContext context, InboxService service)
    {
        if (!context.Request.HasJsonContentType())
        {
            throw new UnsupportedMediaTypeException("Send the fields as application/json.");
        }

        // A JsonException travels to the exception handler: 400 naming the field.
        var body = await JsonSerializer.DeserializeAsync<InboxFieldsBody>(context.Request.Body, ApiJson.Options, context.RequestAborted)
            ?? throw new ValidationFailedException("body", "required", "The body is an object of fields, not null.");
        return TypedResults.Ok(InboxItemBody.From(await service.UpdateFieldsAsync(id, body.ToFields(), context.RequestAborted)));
    }

    private static PagedResult<InboxItemBody> Bodies(PagedResult<InboxItemInfo> page) =>
        new(page.Items.Select(InboxItemBody.From).ToList(), page.Page, page.PageSize, page.TotalCount);

    private static async Task<FileStreamHttpResult> ContentAsync(Guid id, InboxService service, CancellationToken cancellationToken)
    {
        var (item, content) = await service.OpenContentAsync(id, cancellationToken);
        return TypedResults.File(content, item.ContentType, item.FileName, entityTag: new EntityTagHeaderValue($"\"{item.Sha256}\""), enableRangeProcessing: true);
    }

    private static async Task<IResult> ReceiveAsync(HttpContext context, InboxService service, Guid? binderId)
    {
        var request = context.Request;
        if (!ContentDispositionHeaderValue.TryParse(request.Headers.ContentDisposition.ToString(), out var disposition)
            || HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value is not { Length: > 0 } fileName)
        {
            throw new ValidationFailedException("Content-Disposition", "required", "Name the file: Content-Disposition: attachment; filename*=UTF-8''<name>.");
        }

        string? sourceRef = request.Headers["Source-Ref"];
        var contentType = string.IsNullOrEmpty(request.ContentType) ? "application/octet-stream" : request.ContentType;
        var receipt = await service.ReceiveAsync(InboxSource.Api, string.IsNullOrEmpty(sourceRef) ? null : sourceRef, fileName, contentType, request.Body,
            binderId, null, cancellationToken: context.RequestAborted);
        if (receipt.Replayed)
        {
            context.Response.Headers["Idempotent-Replayed"] = "true";
            return TypedResults.Ok(InboxItemBody.From(receipt.Item));
        }

        return TypedResults.Created($"/api/v1/inbox/{receipt.Item.Id}", InboxItemBody.From(receipt.Item));
    }
}
