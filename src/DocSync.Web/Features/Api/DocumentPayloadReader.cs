using System.Text.Json;
using DocSync.Core.Documents;
using DocSync.Core.Errors;
using DocSync.Core.Validation;
using DocSync.Web.Errors;
using DocSync.Web.Hosting;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace DocSync.Web.Features.Api;

/// <summary>
/// Reads a document from either <c>application/json</c> (files inline, base64) or
/// <c>multipart/form-data</c>: a part named <c>document</c> holding the JSON, then file parts named
/// <c>pdf</c>, <c>ubl</c> or <c>attachment</c>. File parts are streamed to temporary files (deleted
/// when the request ends), so memory stays flat whatever the size.
/// </summary>
internal static class DocumentPayloadReader
{
    public sealed record Payload(DocumentBody Body, IReadOnlyList<DocumentFileUpload> Files);

    public static async Task<Payload> ReadAsync(HttpContext context)
    {
        var request = context.Request;
        var cancellationToken = context.RequestAborted;

        // Kestrel enforces the limit as it reads; other servers (the test server, IIS) may not: refuse early.
        var options = context.RequestServices.GetRequiredService<IOptions<WebOptions>>().Value;
        var limit = options.MaxUploadBytes;
        if (request.ContentLength > limit)
        {
            throw new BadHttpRequestException($"The request body is larger than {limit} bytes.", StatusCodes.Status413PayloadTooLarge);
        }

        if (request.HasJsonContentType())
        {
            var body = await DeserializeAsync(request.Body, cancellationToken);
            return new Payload(body, Inline(body));
        }

        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value is not { Length: > 0 } boundary)
        {
            throw new UnsupportedMediaTypeException();
        }

        return await ReadMultipartAsync(context, boundary, options.MaxFileParts);
    }

    // Reading the client's body: MultipartReader's words for a body that ends before its closing
    // boundary (IOException), a header too long or too many headers (InvalidDataException). Only
    // reads go through here, so a full disk while spooling stays a server error.
    private static async Task<T> FromClientAsync<T>(Func<Task<T>> read, CancellationToken cancellationToken)
    {
        try
        {
            return await read();
        }
        catch (Exception e) when (e is InvalidDataException || (e is IOException && !cancellationToken.IsCancellationRequested))
        {
            throw new MalformedRequestException("malformed-multipart", "body",
                "The multipart body is cut off or malformed; send every part and the closing boundary.", e);
        }
    }

    private static async Task SpoolAsync(Stream part, Stream spool, CancellationToken cancellationToken)
    {
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            int read;
            while ((read = await FromClientAsync(async () => await part.ReadAsync(buffer, cancellationToken), cancellationToken)) > 0)
            {
                await spool.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static async Task<Payload> ReadMultipartAsync(HttpContext context, string boundary, int maxFileParts)
    {
        var cancellationToken = context.RequestAborted;
        var reader = new MultipartReader(boundary, context.Request.Body);
        DocumentBody? document = null;
        var files = new List<DocumentFileUpload>();
        while (await FromClientAsync(() => reader.ReadNextSectionAsync(cancellationToken), cancellationToken) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || !disposition.DispositionType.Equals("form-data"))
            {
                throw new ValidationFailedException("body", "multipart", "Every part has 'Content-Disposition: form-data' with a name.");
            }

            var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
            if (name == "document")
            {
                if (document is not null)
                {
                    throw new ValidationFailedException("document", "multipart", "The multipart body has one part named 'document'.");
                }

                document = await FromClientAsync(() => DeserializeAsync(section.Body, cancellationToken), cancellationToken);
                continue;
            }

            if (!Enum.TryParse<DocumentFileKind>(name, ignoreCase: true, out var kind) || !Enum.IsDefined(kind) || int.TryParse(name, out _))
            {
                throw new ValidationFailedException(name.Length == 0 ? "body" : name, "multipart",
                    "Parts are named 'document' (the JSON) or 'pdf', 'ubl', 'attachment' (files).");
            }

            if (files.Count >= maxFileParts)
            {
                // Each file part is spooled to its own temporary file: a bound keeps a crafted body of
                // thousands of tiny parts from using up the process's file handles.
                throw new MalformedRequestException("too-many-parts", "body", $"A request carries at most {maxFileParts} file parts.");
            }

            var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value ?? "";
            var spool = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920,
                FileOptions.DeleteOnClose | FileOptions.Asynchronous);
            context.Response.RegisterForDisposeAsync(spool);
            await SpoolAsync(section.Body, spool, cancellationToken);
            spool.Position = 0;
            files.Add(new DocumentFileUpload(kind, fileName, section.ContentType ?? "application/octet-stream", spool));
        }

        if (document is null)
        {
            throw new ValidationFailedException("document", "required", "The multipart body has a part named 'document' holding the document's JSON.");
        }

        return new Payload(document, [.. Inline(document), .. files]);
    }

    private static async Task<DocumentBody> DeserializeAsync(Stream body, CancellationToken cancellationToken)
    {
        // A JsonException travels to the exception handler: 400 naming the field.
        var document = await JsonSerializer.DeserializeAsync<DocumentBody>(body, ApiJson.Options, cancellationToken)
            ?? throw new ValidationFailedException("body", "required", "The body is a document object, not null.");
        var nulls = Nulls(document).ToList();
        return nulls.Count == 0 ? document : throw new ValidationFailedException(nulls);
    }

    // JSON null where a list or a list item belongs: refused here, before anything counts on them.
    private static IEnumerable<ValidationError> Nulls(DocumentBody body)
    {
        if (body.Files is null)
        {
            yield return new("files", "required", "The files are a list; leave the field out for none.");
        }

        if (body.RemoveFileIds is null)
        {
            yield return new("removeFileIds", "required", "The ids to remove are a list; leave the field out for none.");
        }

        foreach (var field in NullItems(body.Files, "files").Concat(NullItems(body.Content?.Lines, "content.lines"))
            .Concat(NullItems(body.Content?.VatBreakdown, "content.vatBreakdown")))
        {
            yield return new(field, "required", "A list item is an object, not null.");
        }
    }

    private static IEnumerable<string> NullItems<T>(IReadOnlyList<T>? list, string field)
        where T : class =>
        Enumerable.Range(0, list?.Count ?? 0).Where(i => list![i] is null).Select(i => $"{field}[{i}]");

    private static List<DocumentFileUpload> Inline(DocumentBody body)
    {
        var files = new List<DocumentFileUpload>(body.Files.Count);
        var errors = new List<ValidationError>();
        for (var i = 0; i < body.Files.Count; i++)
        {
            var file = body.Files[i];
            byte[] bytes;
            try
            {
                bytes = Convert.FromBase64String(file.ContentBase64 ?? "");
            }
            catch (FormatException)
            {
                errors.Add(new($"files[{i}].contentBase64", "base64", "The file's bytes are base64."));
                continue;
            }

            files.Add(new DocumentFileUpload(file.Kind, file.FileName, file.ContentType, new MemoryStream(bytes, writable: false)));
        }

        return errors.Count == 0 ? files : throw new ValidationFailedException(errors);
    }
}
