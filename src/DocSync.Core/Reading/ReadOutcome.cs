namespace DocSync.Core.Reading;

/// <summary>How reading a file ended; see <see cref="ReadResult"/>.</summary>
public enum ReadOutcome
{
    /// <summary>Text was read; fields were looked for in it.</summary>
    Read,

    /// <summary>The file opened but holds no text: a blank page, a photo without words, an empty file.</summary>
    NoText,

    /// <summary>DocSync does not read this kind of file (or lacks the tool for it, e.g. HEIC without heif-convert).</summary>
    Unsupported,

    /// <summary>The file is damaged, or its bytes are not what its name says.</summary>
    Corrupt,

    /// <summary>The PDF needs a password to open.</summary>
    PasswordProtected,

    /// <summary>
    /// The PDF has more pages than <see cref="ReadingOptions.MaxPages"/>: the first
    /// <see cref="ReadingOptions.MaxPages"/> were read and their text and fields are in the result,
    /// as for <see cref="Read"/>; <see cref="ReadResult.Problem"/> says how many were left out.
    /// </summary>
    TooManyPages,

    /// <summary>Reading failed for another reason (a tool missing, crashing or too slow); the file itself may be fine.</summary>
    Failed,
}
