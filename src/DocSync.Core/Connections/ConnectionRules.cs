namespace DocSync.Core.Connections;

/// <summary>What a connection's name and root folder may be.</summary>
public static class ConnectionRules
{
    private static readonly char[] DropboxForbidden = ['\\', '<', '>', ':', '"', '|', '?', '*'];

    /// <summary>Why <paramref name="name"/> is not a valid connection name, or <see langword="null"/>.</summary>
    /// <param name="name">The name.</param>
    public static string? NameError(string? name) =>
        string.IsNullOrWhiteSpace(name) ? "A connection has a name, e.g. 'Accounting Dropbox'."
        : name.Trim().Length > 100 ? "A connection name has at most 100 characters."
        : name.Any(char.IsControl) ? "A connection name has no control characters."
        : null;

    /// <summary>Why <paramref name="root"/> is not a valid Dropbox folder, or <see langword="null"/>.</summary>
    /// <param name="root">The folder, e.g. <c>/DocSync</c>; empty is the account's (or app folder's) root.</param>
    public static string? RootFolderError(string? root)
    {
        if (string.IsNullOrWhiteSpace(root) || root.Trim() == "/")
        {
            return null;
        }

        var segments = root.Trim().Trim('/').Split('/');
        if (root.Length > 512)
        {
            return "The folder path has at most 512 characters.";
        }

        foreach (var segment in segments)
        {
            if (segment.Length == 0 || segment is "." or "..")
            {
                return "The folder path has no empty, '.' or '..' parts.";
            }

            if (segment.Any(char.IsControl) || segment.IndexOfAny(DropboxForbidden) >= 0)
            {
                return "A folder name has no control characters and none of \\ < > : \" | ? *.";
            }

            if (segment != segment.Trim() || segment.EndsWith('.'))
            {
                return "A folder name neither starts nor ends with a space, nor ends with a dot.";
            }
        }

        return null;
    }

    /// <summary>The folder with a leading slash and no trailing one; empty for the root.</summary>
    /// <param name="root">A folder <see cref="RootFolderError"/> accepts.</param>
    public static string NormalizeRoot(string? root) =>
        string.IsNullOrWhiteSpace(root) || root.Trim() == "/" ? "" : "/" + root.Trim().Trim('/').Normalize();
}
