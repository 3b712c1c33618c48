using System.Diagnostics;
using DocSync.Core.Organizing;
using DocSync.Core.Reading;
using DocSync.Core.Sync;
using DocSync.Dropbox;

namespace DocSync.Core.Collect.Intake;

/// <summary>
/// The first half of a file's intake, which touches no database and so runs for several files at
/// once: download pinned to the revision listed (checked against its content hash) → detect what it
/// is by its bytes → unpack a zip → read each file (text layer or OCR). What comes out is filed by
/// <see cref="InboxFiling"/>, one file at a time.
/// </summary>
internal sealed class FileIntake(DocumentReader reader, CollectOptions options)
{
    /// <summary>Downloads and reads <paramref name="file"/>. Throws only for what stops the run (a refused grant, cancellation).</summary>
    /// <param name="client">The channel's connection.</param>
    /// <param name="accountId">The Dropbox account: part of the file's identity in the inbox.</param>
    /// <param name="file">The file, as listed (the revision downloaded).</param>
    /// <param name="cancellationToken">Stops the download and the reading.</param>
    public async Task<PreparedFile> PrepareAsync(DropboxClient client, string accountId, FileMetadata file, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var download = await TempDownload.CreateAsync().ConfigureAwait(false);
        try
        {
            try
            {
                // Pinned to the revision listed: the bytes filed are the ones the ledger names.
                await client.DownloadAsync("rev:" + file.Rev, download.Stream, cancellationToken).ConfigureAwait(false);
            }
            catch (DropboxAuthException)
            {
                throw;
            }
            catch (DropboxApiException e) when (e.StatusCode == 409)
            {
                await download.DisposeAsync().ConfigureAwait(false);
                return PreparedFile.FailedDownload(CollectReasons.DropboxFailed, $"The file changed or went away before it could be downloaded ({e.ErrorTag}).");
            }
            catch (InvalidDataException e)
            {
                await download.DisposeAsync().ConfigureAwait(false);
                return PreparedFile.FailedDownload(CollectReasons.CorruptDownload, e.Message);
            }
            catch (Exception e) when (FailureClassifier.IsDropboxFailure(e, cancellationToken))
            {
                await download.DisposeAsync().ConfigureAwait(false);
                return PreparedFile.FailedDownload(CollectReasons.DropboxFailed, $"Downloading failed ({FailureClassifier.Describe(e)}).", (e as DropboxApiException)?.RetryAfter);
            }
            var downloadMs = (int)clock.ElapsedMilliseconds;
            var content = download.Stream;
            var kind = await DetectAsync(content, file.Name, cancellationToken).ConfigureAwait(false);
            var baseRef = $"{accountId}/{file.Id}/{ListedHash(file)}";
            var name = FileRules.Sanitize(file.Name, FileKinds.Extension(kind));
            try
            {
                return kind switch
                {
                    FileKind.Zip => await PrepareZipAsync(content, baseRef, downloadMs, download, cancellationToken).ConfigureAwait(false),
                    FileKind.Unknown => PreparedFile.Refused(CollectReasons.UnsupportedType,
                        $"'{name}' is not a PDF, an image (JPEG, PNG, TIFF, HEIC), an e-invoice (UBL or CII XML) or a zip of them; it stays in Dropbox.", downloadMs, download),
                    _ => await PrepareOneAsync(content, name, kind, baseRef, cancellationToken).ConfigureAwait(false) switch
                    {
                        { Refusal: { } refusal } => PreparedFile.Refused(refusal.Reason, refusal.Detail, downloadMs, download),
                        { Part: { } part } => PreparedFile.One(part, downloadMs, download),
                        _ => throw new UnreachableException(),
                    },
                };
            }
            catch (IOException e)
            {
                // Reading failed (a disk, a temp file): the file is tried again like a failed download.
                await download.DisposeAsync().ConfigureAwait(false);
                return PreparedFile.FailedDownload(CollectReasons.StoreFailed, $"Reading or storing it failed ({FailureClassifier.Describe(e)}).");
            }
        }
        catch
        {
            await download.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static string ListedHash(FileMetadata file) => Planning.ListedFile.HashOf(file);

    private static async Task<FileKind> DetectAsync(Stream content, string name, CancellationToken cancellationToken)
    {
        content.Position = 0;
        var head = new byte[64];
        var length = await content.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        content.Position = 0;
        return FileKinds.Detect(head.AsSpan(0, length), name);
    }

    /// <summary>Reads one file: a part to file, or why it is not filed.</summary>
    private async Task<(PreparedPart? Part, (string Reason, string Detail)? Refusal)> PrepareOneAsync(Stream content, string name, FileKind kind, string sourceRef,
        CancellationToken cancellationToken)
    {
        content.Position = 0;
        var result = await reader.ReadAsync(content, name, cancellationToken).ConfigureAwait(false);
        (string, string)? refusal = result.Outcome switch
        {
            ReadOutcome.Corrupt when kind == FileKind.Pdf => (CollectReasons.CorruptPdf, (result.Problem ?? "The PDF is damaged.") + " It stays in Dropbox."),
            ReadOutcome.Corrupt or ReadOutcome.Unsupported when kind == FileKind.Xml =>
                (CollectReasons.UnsupportedType, (result.Problem ?? "The XML file is not an e-invoice.") + " It stays in Dropbox."),
            ReadOutcome.Corrupt => (CollectReasons.DamagedImage, (result.Problem ?? "The image is damaged.") + " It stays in Dropbox."),
            ReadOutcome.PasswordProtected => (CollectReasons.PasswordProtected,
                (result.Problem ?? "The PDF needs a password.") + " Ask the sender for a copy without a password; the file stays in Dropbox."),
            ReadOutcome.Unsupported when kind == FileKind.Unknown => (CollectReasons.UnsupportedType, result.Problem ?? "This kind of file is not collected."),
            _ => null,
        };
        if (refusal is not null)
        {
            return (null, refusal);
        }
        var note = result.Outcome switch
        {
            ReadOutcome.Read or ReadOutcome.TooManyPages => null,
            _ => "Filed without text: " + (result.Problem ?? "no text found") + ".",
        };
        return (new PreparedPart(sourceRef, name, FileKinds.ContentType(kind), () => Rewound(content), InboxReading.From(result), note,
            (int)result.Duration.TotalMilliseconds), null);
    }

    private async Task<PreparedFile> PrepareZipAsync(Stream content, string baseRef, int downloadMs, TempDownload download, CancellationToken cancellationToken)
    {
        UnpackedZip zip;
        try
        {
            zip = await ZipUnpacker.UnpackAsync(content, options, cancellationToken).ConfigureAwait(false);
        }
        catch (UnsafeZipException e)
        {
            return PreparedFile.Refused(CollectReasons.UnsafeZip, e.Message + " Nothing was taken from it; it stays in Dropbox.", downloadMs, download);
        }

        try
        {
            var parts = new List<PreparedPart>();
            var notes = new List<string>(zip.LeftOut);
            for (var i = 0; i < zip.Entries.Count; i++)
            {
                var entry = zip.Entries[i];
                await using var stream = OpenEntry(entry.TempPath);
                var kind = await DetectAsync(stream, entry.Name, cancellationToken).ConfigureAwait(false);
                var name = FileRules.Sanitize(entry.Name, FileKinds.Extension(kind));
                if (entry.Length == 0 || kind is FileKind.Unknown or FileKind.Zip)
                {
                    notes.Add($"{name}: {(entry.Length == 0 ? "empty" : "not a PDF, an image or an e-invoice")}, left out");
                    continue;
                }
                var (part, refusal) = await PrepareOneAsync(stream, name, kind, $"{baseRef}#{i}", cancellationToken).ConfigureAwait(false);
                if (refusal is { } refused)
                {
                    notes.Add($"{name}: {refused.Detail}");
                    continue;
                }
                var path = entry.TempPath;
                parts.Add(part! with { Open = () => OpenEntry(path) });
            }
            if (parts.Count == 0)
            {
                return PreparedFile.Refused(CollectReasons.EmptyZip, "Nothing in the zip could be collected" + (notes.Count > 0 ? ": " + string.Join("; ", notes) : "."),
                    downloadMs, download, zip);
            }
            return PreparedFile.Zip(parts, $"{parts.Count} file(s) taken from the zip" + (notes.Count > 0 ? "; " + string.Join("; ", notes) : "."), downloadMs, download, zip);
        }
        catch
        {
            zip.Dispose();
            throw;
        }
    }

    private static FileStream OpenEntry(string path) => new(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);

    /// <summary>The download's stream from its start, left open for its owner (the inbox reads it to the end and does not close it).</summary>
    private static Stream Rewound(Stream content)
    {
        content.Position = 0;
        return new KeepOpen(content);
    }

    /// <summary>A view of a stream whose disposal leaves the stream open.</summary>
    private sealed class KeepOpen(Stream inner) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => inner.CanSeek;

        public override bool CanWrite => false;

        public override long Length => inner.Length;

        public override long Position { get => inner.Position; set => inner.Position = value; }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => inner.ReadAsync(buffer, cancellationToken);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            inner.ReadAsync(buffer, offset, count, cancellationToken);

        public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>A temporary file the download goes to, deleted when disposed.</summary>
    private sealed class TempDownload : IAsyncDisposable
    {
        private int _disposed;

        private TempDownload(FileStream stream) => Stream = stream;

        public FileStream Stream { get; }

        public static Task<TempDownload> CreateAsync()
        {
            var path = Path.Combine(Path.GetTempPath(), "docsync-collect-" + Guid.NewGuid().ToString("N"));
            return Task.FromResult(new TempDownload(new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920,
                FileOptions.Asynchronous | FileOptions.DeleteOnClose)));
        }

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                await Stream.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
