namespace DocSync.Core.Reading;

/// <summary>What a file is, told from its first bytes by <see cref="FileKinds.Detect"/>.</summary>
public enum FileKind
{
    /// <summary>None of the kinds below: DocSync does not read it.</summary>
    Unknown,

    /// <summary>A PDF document (<c>%PDF-</c>).</summary>
    Pdf,

    /// <summary>A JPEG image.</summary>
    Jpeg,

    /// <summary>A PNG image.</summary>
    Png,

    /// <summary>A TIFF image, possibly of several pages.</summary>
    Tiff,

    /// <summary>A HEIC/HEIF image, as iPhones take them.</summary>
    Heic,

    /// <summary>A ZIP archive; it is unpacked before its files are read.</summary>
    Zip,

    /// <summary>An XML document (an e-invoice is read from it when it is UBL or CII).</summary>
    Xml,
}
