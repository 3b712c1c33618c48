namespace DocSync.Dropbox.Emulator.Model;

/// <summary>A file or folder in a <see cref="Store"/>, keyed by its lower-cased storage path.</summary>
public sealed class Node
{
    public required string Id { get; init; }

    public required bool IsFolder { get; init; }

    /// <summary>Lower-cased absolute path inside the store ("/a/b.txt").</summary>
    public required string PathLower { get; set; }

    /// <summary>Case-preserved absolute path inside the store.</summary>
    public required string PathDisplay { get; set; }

    public string Name => PathDisplay[(PathDisplay.LastIndexOf('/') + 1)..];

    /// <summary>The current version of a file; null for folders.</summary>
    public FileVersion? Current { get; set; }
}
