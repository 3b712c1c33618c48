using System.Text.RegularExpressions;
using DocSync.Core.Blobs;
using DocSync.Core.Validation;

namespace DocSync.Core.Documents;

/// <summary>Checks the files sent with a document and stores their bytes as blobs.</summary>
internal sealed partial class DocumentFileIntake(BlobStore blobs)
{
    /// <summary>A checked, stored file.</summary>
    public sealed record StoredFile(DocumentFileKind Kind, string FileName, string ContentType, BlobRef Blob);

    /// <summary>Checks names and types (no I/O); returns the broken rules.</summary>
    public static IEnumerable<ValidationError> CheckNames(IReadOnlyList<DocumentFileUpload> files, string field)
    {
        for (var i = 0; i < files.Count; i++)
        {
            var at = $"{field}[{i}]";
            var file = files[i];
            if (!Enum.IsDefined(file.Kind))
            {
                yield return new($"{at}.kind", "unknown-kind", "The file kind is pdf, ubl or attachment.");
            }

            if (FileNameError(file.FileName) is { } error)
            {
                yield return new($"{at}.fileName", "file-name", error);
            }

            if (file.ContentType is null || file.ContentType.Length > 127 || !MediaType().IsMatch(file.ContentType))
            {
                yield return new($"{at}.contentType", "content-type", "The content type is a media type such as application/pdf.");
            }
        }
    }

    /// <summary>Stores every file and checks its bytes match its kind; throws <see cref="Errors.ValidationFailedException"/> if not.</summary>
    public async Task<IReadOnlyList<StoredFile>> StoreAsync(IReadOnlyList<DocumentFileUpload> files, string field, CancellationToken cancellationToken)
    {
        var stored = new List<StoredFile>(files.Count);
        var errors = new List<ValidationError>();
        for (var i = 0; i < files.Count; i++)
        {
            var file = files[i];
            var blob = await blobs.WriteAsync(file.Content, cancellationToken).ConfigureAwait(false);
            if (blob.Length == 0)
            {
                errors.Add(new($"{field}[{i}].content", "empty", "The file is empty."));
            }
            else if (!await MatchesKindAsync(file.Kind, blob, cancellationToken).ConfigureAwait(false))
            {
                errors.Add(new($"{field}[{i}].content", "content-mismatch",
                    file.Kind == DocumentFileKind.Pdf ? "The file is not a PDF (it does not start with %PDF-)." : "The file is not XML."));
            }

            stored.Add(new StoredFile(file.Kind, file.FileName.Normalize(), file.ContentType, blob));
        }

        return errors.Count == 0 ? stored : throw new Errors.ValidationFailedException(errors);
    }

    private async Task<bool> MatchesKindAsync(DocumentFileKind kind, BlobRef blob, CancellationToken cancellationToken)
    {
        if (kind == DocumentFileKind.Attachment)
        {
            return true;
        }

        var head = new byte[64];
        int read;
        await using (var stream = blobs.OpenRead(blob.Sha256))
        {
            read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        }

        var span = head.AsSpan(0, read);
        if (kind == DocumentFileKind.Pdf)
        {
            return span.StartsWith("%PDF-"u8);
        }

        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            span = span[3..];
        }

        span = span.TrimStart(" \t\r\n"u8);
        return span.StartsWith("<"u8);
    }

    private static string? FileNameError(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "The file name is required.";
        }

        if (name.Length > 255)
        {
            return "A file name has at most 255 characters.";
        }

        if (name is "." or ".." || name.IndexOfAny(['/', '\\']) >= 0 || name.Any(char.IsControl))
        {
            return "A file name has no directories, no control characters and is not '.' or '..'.";
        }

        return name.Trim() != name ? "A file name does not start or end with spaces." : null;
    }

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*(;.*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex MediaType();
}
