using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DocSync.Core.Reading;

/// <summary>
/// Reads the text of a PDF or an image and extracts the fields a bookkeeper types by hand. An e-invoice
/// (a UBL or CII XML file, or a PDF carrying one as an attachment: Factur-X, ZUGFeRD) is read exactly from
/// its XML instead (<see cref="EInvoices.EInvoiceReader"/>; <see cref="ReadResult.EInvoice"/>). A PDF's
/// own text layer is used where it has one; pages without one (scans) and images are recognized by
/// tesseract, PDF pages first rendered by poppler's pdftoppm, HEIC photos first converted by
/// heif-convert. Files are sniffed by their bytes, not their names. Every run of a tool is limited in
/// time and in number (<see cref="ReadingOptions.MaxConcurrency"/> across all the documents this
/// reader reads, so register it once, as a singleton). Temporary files live in a private folder that
/// is always deleted. Logs outcomes, page counts and durations, never the text. Thread-safe.
/// </summary>
public sealed partial class DocumentReader
{
    private const string TextLayer = "text-layer";
    private const string Ocr = "ocr";
    private const string EInvoiceMethod = "e-invoice";

    private readonly ReadingOptions _options;
    private readonly ILogger<DocumentReader> _logger;
    private readonly ToolRunner _tools;

    /// <summary>Creates a reader.</summary>
    /// <param name="options">The tools, languages and limits.</param>
    /// <param name="logger">Where outcomes and durations are logged.</param>
    public DocumentReader(IOptions<ReadingOptions> options, ILogger<DocumentReader> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        _options = options.Value;
        _logger = logger;
        _tools = new ToolRunner(Math.Max(1, _options.MaxConcurrency), _options.Timeout, logger);
    }

    /// <summary>
    /// Reads a file. Never throws for a bad file or a failing tool: the outcome and
    /// <see cref="ReadResult.Problem"/> say what happened. Throws <see cref="OperationCanceledException"/>
    /// only when <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    /// <param name="content">The file, read from its current position to its end; seekable or not (it is copied to a temporary file first). Not closed.</param>
    /// <param name="fileName">The file's name; only its extension is used, to tell a damaged file from an unknown one and HEIF brands apart.</param>
    /// <param name="cancellationToken">Cancels reading; the tools running are stopped.</param>
    public async Task<ReadResult> ReadAsync(Stream content, string fileName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        fileName ??= "";
        var began = Stopwatch.GetTimestamp();
        DirectoryInfo? folder = null;
        var kind = FileKind.Unknown;
        long length = 0;
        RawReading raw;
        try
        {
            folder = CreateFolder();
            string input;
            (input, length, kind) = await CopyAsync(content, Path.Combine(folder.FullName, "input"), fileName, cancellationToken).ConfigureAwait(false);
            raw = length == 0
                ? RawReading.Stopped(ReadOutcome.NoText, "The file is empty.")
                : await ReadFileAsync(kind, input, fileName, folder.FullName, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (ReadingException e)
        {
            raw = RawReading.Stopped(e.Outcome, e.Message);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            ReadingLog.Crashed(_logger, kind, e);
            raw = RawReading.Stopped(ReadOutcome.Failed, $"Reading the file failed unexpectedly ({e.GetType().Name}).");
        }
        finally
        {
            if (folder is not null)
            {
                Delete(folder);
            }
        }

        var result = Finish(raw, Stopwatch.GetElapsedTime(began));
        ReadingLog.Read(_logger, kind, length, result.Outcome, result.Method, result.Pages, result.Text.Length,
            CountFields(result.Fields), (long)result.Duration.TotalMilliseconds);
        return result;
    }

    private Task<RawReading> ReadFileAsync(FileKind kind, string input, string fileName, string folder, CancellationToken cancellationToken)
    {
        return kind switch
        {
            FileKind.Pdf => ReadPdfAsync(input, folder, cancellationToken),
            FileKind.Jpeg or FileKind.Png or FileKind.Tiff => ReadImageAsync(input, cancellationToken),
            FileKind.Heic => ReadHeicAsync(input, folder, cancellationToken),
            FileKind.Xml => ReadXmlAsync(input, cancellationToken),
            FileKind.Zip => Task.FromResult(RawReading.Stopped(ReadOutcome.Unsupported,
                "A ZIP archive is not read as such: its files are unpacked and read one by one.")),
            _ when FileKinds.FromExtension(fileName) is var promised and not (FileKind.Unknown or FileKind.Zip) =>
                Task.FromResult(RawReading.Stopped(ReadOutcome.Corrupt,
                    $"The file is named {Path.GetExtension(fileName).ToLowerInvariant()} but its bytes are not {Describe(promised)}: it is damaged or of another kind.")),
            _ => Task.FromResult(RawReading.Stopped(ReadOutcome.Unsupported,
                "DocSync reads PDF documents, JPEG, PNG, TIFF and HEIC images and e-invoices (UBL or CII XML); this file is none of them.")),
        };
    }

    // An XML file: an e-invoice (UBL or CII) is read exactly; any other XML is not read.
    private static async Task<RawReading> ReadXmlAsync(string input, CancellationToken cancellationToken)
    {
        if (new FileInfo(input).Length > EInvoices.EInvoiceReader.MaxXmlBytes)
        {
            return RawReading.Stopped(ReadOutcome.Corrupt,
                $"The XML file is larger than DocSync reads as an e-invoice ({EInvoices.EInvoiceReader.MaxXmlBytes / (1024 * 1024)} MiB).");
        }

        var bytes = await File.ReadAllBytesAsync(input, cancellationToken).ConfigureAwait(false);
        try
        {
            var invoice = EInvoices.EInvoiceReader.FromXml(bytes);
            return new RawReading(ReadOutcome.Read, EInvoices.EInvoiceReader.Text(invoice), EInvoiceMethod, 1, 1, null) { EInvoice = invoice };
        }
        catch (EInvoices.EInvoiceException e)
        {
            return RawReading.Stopped(e.Outcome, e.Message);
        }
    }

    // Copies the content to a file named after its kind (some tools go by the extension), returning its path, length and kind.
    private static async Task<(string Path, long Length, FileKind Kind)> CopyAsync(Stream content, string path, string fileName, CancellationToken cancellationToken)
    {
        var head = new byte[FileKinds.HeadLength];
        var headLength = 0;
        long length;
        var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.Asynchronous);
        await using (file.ConfigureAwait(false))
        {
            await content.CopyToAsync(file, cancellationToken).ConfigureAwait(false);
            length = file.Length;
            file.Position = 0;
            headLength = await file.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        }

        var kind = FileKinds.Detect(head.AsSpan(0, headLength), fileName);
        var named = path + FileKinds.Extension(kind);
        File.Move(path, named);
        return (named, length, kind);
    }

    private ReadResult Finish(RawReading raw, TimeSpan duration)
    {
        if (raw.Outcome is not (ReadOutcome.Read or ReadOutcome.TooManyPages))
        {
            return new ReadResult(raw.Outcome, "", raw.Method, raw.Pages, null, ExtractedFields.None, raw.Problem, duration);
        }

        var text = ReadText.Clean(raw.Text);
        var skipped = raw.PageCount > raw.Pages
            ? $"{raw.Pages} of {raw.PageCount} pages ({ReadingOptions.Section}:MaxPages is {_options.MaxPages})"
            : null;
        if (!ReadText.HasWords(text))
        {
            var problem = skipped is null
                ? "No text was found: the pages are blank, or pictures without words."
                : $"No text was found on the first {skipped}.";
            return new ReadResult(ReadOutcome.NoText, "", raw.Method, raw.Pages, null, ExtractedFields.None, problem, duration);
        }

        var fields = raw.EInvoice is { } invoice ? EInvoices.EInvoiceReader.Fields(invoice) : FieldExtractor.Extract(text);
        return new ReadResult(skipped is null ? ReadOutcome.Read : ReadOutcome.TooManyPages, text, raw.Method, raw.Pages,
            TextLanguage.Guess(text), fields, skipped is null ? null : $"Only the first {skipped} were read.", duration)
        {
            EInvoice = raw.EInvoice,
        };
    }

    private DirectoryInfo CreateFolder()
    {
        if (string.IsNullOrEmpty(_options.TempPath))
        {
            return Directory.CreateTempSubdirectory("docsync-reading-");
        }

        Directory.CreateDirectory(_options.TempPath);
        var path = Path.Combine(_options.TempPath, "docsync-reading-" + Guid.NewGuid().ToString("N"));
        return OperatingSystem.IsWindows()
            ? Directory.CreateDirectory(path)
            : Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    private void Delete(DirectoryInfo folder)
    {
        try
        {
            folder.Delete(recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            ReadingLog.CleanupFailed(_logger, folder.FullName, e.Message);
        }
    }

    private static string Describe(FileKind kind) => kind switch
    {
        FileKind.Pdf => "a PDF document",
        FileKind.Jpeg => "a JPEG image",
        FileKind.Png => "a PNG image",
        FileKind.Tiff => "a TIFF image",
        FileKind.Heic => "a HEIC image",
        FileKind.Xml => "an XML document",
        _ => "what the name says",
    };

    private static int CountFields(ExtractedFields fields) =>
        new[]
        {
            fields.SupplierName, fields.VatNumber, fields.InvoiceNumber, fields.InvoiceDate, fields.DueDate,
            fields.Total, fields.VatAmount, fields.Iban, fields.Currency,
        }.Count(f => f is not null);
}
