using DocSync.Core.Blobs;
using DocSync.Core.Validation;

namespace DocSync.Core.Documents;

/// <summary>Checks the files sent with a document and stores their bytes as blobs.</summary>
internal sealed class DocumentFileIntake(BlobStore blobs)
{
    /// <summary>A checked, stored file; <paramref name="Generated"/> when DocSync rendered it.</summary>
    public sealed record StoredFile(DocumentFileKind Kind, string FileName, string ContentType, BlobRef Blob, bool Generated = false);

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

            if (Organizing.FileRules.NameError(file.FileName) is { } error)
            {
                yield return new($"{at}.fileName", "file-name", error);
            }

            if (!Organizing.FileRules.IsMediaType(file.ContentType))
            {
                yield return new($"{at}.contentType", "content-type", "The content type is a media type such as application/pdf.");
            }
        }
    }

    /// <summary>
    /// Stores every file and checks its bytes match its kind and its name's extension (see
    /// <see cref="FileSignatures"/>); throws <see cref="Errors.ValidationFailedException"/> if not.
    /// Refused bytes may stay behind as unreferenced blobs; nothing refers to them.
    /// </summary>
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
            else if (ContentError(file, await ReadHeadAsync(blob, cancellationToken).ConfigureAwait(false)) is { } error)
            {
                errors.Add(new($"{field}[{i}].content", "content-mismatch", error));
            }

            stored.Add(new StoredFile(file.Kind, file.FileName.Normalize(), file.ContentType, blob));
        }

        return errors.Count == 0 ? stored : throw new Errors.ValidationFailedException(errors);
    }

    // One message per file: the kind's rule first, then the extension's.
    private static string? ContentError(DocumentFileUpload file, byte[] head) => file.Kind switch
    {
        DocumentFileKind.Pdf when !FileSignatures.IsPdf(head) => "The file is not a PDF (it does not start with %PDF-).",
        DocumentFileKind.Ubl when !FileSignatures.IsXml(head) => "The file is not XML.",
        _ => FileSignatures.Mismatch(file.FileName, head),
    };

    private async Task<byte[]> ReadHeadAsync(BlobRef blob, CancellationToken cancellationToken)
    {
        var head = new byte[Math.Min(blob.Length, FileSignatures.HeadLength)];
        await using var stream = blobs.OpenRead(blob.Sha256);
        var read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        return read == head.Length ? head : head[..read];
    }
}
