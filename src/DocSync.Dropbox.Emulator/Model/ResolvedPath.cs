namespace DocSync.Dropbox.Emulator.Model;

/// <summary>
/// A path argument resolved in a view: the absolute store path, the node there (if any), and,
/// for <c>rev:</c> paths, the revision named.
/// </summary>
public sealed record ResolvedPath(View View, string AbsLower, string AbsDisplay, Node? Node, FileVersion? Revision = null)
{
    public Store Store => View.Store;

    public bool IsRoot => AbsLower == View.PrefixLower;

    public string Name => AbsDisplay[(AbsDisplay.LastIndexOf('/') + 1)..];

    public string ParentLower => AbsLower[..AbsLower.LastIndexOf('/')];

    public string ParentDisplay => AbsDisplay[..AbsDisplay.LastIndexOf('/')];
}
