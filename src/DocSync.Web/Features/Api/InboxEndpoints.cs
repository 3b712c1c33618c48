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
/// often the call is retried.
/// </summary>
internal static class InboxEndpoints
{
    public static RouteGroupBuilder MapInboxEndpoints(this RouteGroupBuilder api)
    {
        var inbox = api.MapGroup("/inbox").WithTags("Inbox");
        inbox.MapGet("/", ListAsync).WithSummary("Lists inbox items, newest first.");
        inbox.MapGet("/{id:guid}", GetAsync).WithSummary("Gets one inbox item.");
        inbox.MapGet("/{id:guid}/content", ContentAsync).WithSummary("Downloads an inbox item's file.");
        inbox.MapPost("/", ReceiveAsync)
            .WithSummary("Puts one file in the inbox: the raw bytes as the body, the name in Content-Disposition (filename or filename*). Send Source-Ref to make it exactly-once.")
            .Accepts<Stream>("application/octet-stream", "application/pdf", "image/png", "image/jpeg")
            .ProducesProblem(400).ProducesProblem(413).ProducesProblem(415).ProducesProblem(422);

        // Another media type: 415 rather than the fallback's 404 (see DocumentEndpoints).
        inbox.MapPost("/", UnsupportedMediaType).WithOrder(1).ExcludeFromDescription();
        return api;
    }

    private static async Task<Results<Ok<PagedResult<InboxItemInfo>>, ProblemHttpResult>> ListAsync(
        [AsParameters] InboxListParameters parameters, InboxService service, HttpContext context, CancellationToken cancellationToken)
    {
        var errors = new List<ValidationError>();
        var query = parameters.ToQuery(errors);
        return errors.Count > 0
            ? TypedResults.Problem(ApiProblems.Create(context, StatusCodes.Status400BadRequest, "bad-query", "A query parameter has the wrong format.", errors))
            : TypedResults.Ok(await service.ListAsync(query, cancellationToken));
    }

    private static IResult UnsupportedMediaType() => throw new UnsupportedMediaTypeException(
        "Send the file's bytes as the body, typed application/octet-stream, application/pdf, image/png or image/jpeg.");

    private static async Task<Ok<InboxItemInfo>> GetAsync(Guid id, InboxService service, CancellationToken cancellationToken) =>
        TypedResults.Ok(await service.GetAsync(id, cancellationToken));

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
            binderId, null, context.RequestAborted);
        if (receipt.Replayed)
        {
            context.Response.Headers["Idempotent-Replayed"] = "true";
            return TypedResults.Ok(receipt.Item);
        }

        return TypedResults.Created($"/api/v1/inbox/{receipt.Item.Id}", receipt.Item);
    }
}
