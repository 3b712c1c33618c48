namespace DocSync.Collect.Bench;

/// <summary>What a dropped file is: a PDF with a text layer, or a scan (a PNG picture of a page, read by OCR).</summary>
internal enum SampleKind
{
    TextPdf,
    Scan,
}
