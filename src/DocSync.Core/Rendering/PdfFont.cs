namespace DocSync.Core.Rendering;

/// <summary>The fonts a DocSync PDF uses: two of the PDF standard 14, never embedded.</summary>
internal enum PdfFont
{
    /// <summary>Helvetica, resource <c>/F1</c>.</summary>
    Helvetica = 1,

    /// <summary>Helvetica-Bold, resource <c>/F2</c>.</summary>
    HelveticaBold = 2,
}
