namespace DocSync.Core.Reading;

/// <summary>
/// How <see cref="DocumentReader"/> runs its external tools; bound from <c>DocSync:Reading</c> and
/// validated on start. The tools are Debian's tesseract-ocr (with tesseract-ocr-fra and
/// tesseract-ocr-nld), poppler-utils and, for HEIC photos, libheif-examples.
/// </summary>
public sealed class ReadingOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "DocSync:Reading";

    /// <summary>The tesseract executable: a name looked up on <c>PATH</c> or a path. Default <c>tesseract</c>.</summary>
    public string TesseractPath { get; set; } = "tesseract";

    /// <summary>Poppler's pdftoppm, which turns PDF pages into images for OCR. Default <c>pdftoppm</c>.</summary>
    public string PdftoppmPath { get; set; } = "pdftoppm";

    /// <summary>libheif's heif-convert, which turns HEIC photos into PNG; optional. Default <c>heif-convert</c>.</summary>
    public string HeifConvertPath { get; set; } = "heif-convert";

    /// <summary>Tesseract's languages, joined by <c>+</c>. Default <c>eng+fra+nld</c>; each needs its traineddata installed.</summary>
    public string Languages { get; set; } = "eng+fra+nld";

    /// <summary>The resolution PDF pages are rendered at for OCR, in dots per inch. Default 300; between 72 and 1200.</summary>
    public int Dpi { get; set; } = 300;

    /// <summary>
    /// The most pages read from one PDF. Default 20; between 1 and 1000. A longer PDF has its first
    /// pages read and the outcome <see cref="ReadOutcome.TooManyPages"/>.
    /// </summary>
    public int MaxPages { get; set; } = 20;

    /// <summary>
    /// The longest one run of an external tool (rendering one page, recognizing one image) may take
    /// before it is stopped with its child processes. Default 2 minutes; between 1 millisecond and 1 hour.
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Where each reading gets its private folder (mode 700) for the file and rendered pages; it is
    /// deleted when reading ends. Default <see langword="null"/>: the system's temporary folder.
    /// </summary>
    public string? TempPath { get; set; }

    /// <summary>
    /// The most external tools run at once by one reader, across all the documents it reads. Default 2;
    /// between 1 and 64. Each tesseract runs on one thread.
    /// </summary>
    public int MaxConcurrency { get; set; } = 2;

    /// <summary>Whether files uploaded or sent over the API are read in the background once they are in the inbox (collected files are read as they arrive).</summary>
    public bool ReadInboxUploads { get; set; } = true;
}
