namespace DocSync.Core.Organizing;

/// <summary>Whether an inbox item's text was read.</summary>
public enum InboxReadState
{
    /// <summary>Not read (it arrived before reading existed, or is waiting).</summary>
    NotRead = 0,

    /// <summary>Text read (text layer or OCR); fields extracted.</summary>
    Read = 1,

    /// <summary>Read, but the file holds no text (a blank page, a photo).</summary>
    NoText = 2,

    /// <summary>Reading failed or the format cannot be read; the file itself is fine.</summary>
    Failed = 3,
}
