using System.Globalization;
using System.Text;

namespace DocSync.Dropbox.Emulator.Model;

/// <summary>Turns path arguments (<c>/a/b</c>, <c>id:</c>, <c>rev:</c>, <c>ns:</c>, root "") into store paths.</summary>
public static class PathResolver
{
    /// <summary>Longest name Dropbox keeps for one path component.</summary>
    public const int MaxComponentLength = 255;

    private static readonly HashSet<string> DisallowedNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "desktop.ini", "thumbs.db", ".ds_store", "icon\r", ".dropbox", ".dropbox.attr",
    };

    /// <summary>
    /// Resolves a path in the caller's view. Must run under the state gate. A <paramref name="confined"/>
    /// caller (an app-folder app) cannot leave its view through <c>ns:</c>.
    /// </summary>
    public static ResolvedPath Resolve(EmulatorState state, View view, Account account, string path, bool allowRoot = false, bool confined = false)
    {
        if (path.Length == 0)
        {
            if (!allowRoot)
            {
                throw PathProblem.Malformed;
            }
            return new ResolvedPath(view, view.PrefixLower, view.PrefixDisplay, null);
        }
        if (path.StartsWith("id:", StringComparison.Ordinal))
        {
            var node = view.Store.GetById(path);
            if (node is null || !view.Contains(node.PathLower))
            {
                throw PathProblem.NotFound;
            }
            return new ResolvedPath(view, node.PathLower, node.PathDisplay, node);
        }
        if (path.StartsWith("rev:", StringComparison.Ordinal))
        {
            if (!view.Store.Revisions.TryGetValue(path[4..], out var version) || !view.Contains(version.PathLower))
            {
                throw PathProblem.NotFound;
            }
            return new ResolvedPath(view, version.PathLower, version.PathDisplay, view.Store.GetById(version.FileId), version);
        }
        if (path.StartsWith("ns:", StringComparison.Ordinal))
        {
            var slash = path.IndexOf('/', StringComparison.Ordinal);
            var namespaceId = slash < 0 ? path[3..] : path[3..slash];
            if (!state.Namespaces.ContainsKey(namespaceId) || !state.CanAccessNamespace(account, namespaceId))
            {
                throw PathProblem.NotFound;
            }
            var namespaceView = state.ViewOfNamespace(namespaceId);
            var inner = Resolve(state, namespaceView, account, slash < 0 ? "" : path[slash..], allowRoot: true, confined: false);
            var inView = view.Store == namespaceView.Store && view.Contains(inner.AbsLower);
            if (confined && !inView)
            {
                throw PathProblem.NotFound;
            }
            if (inner.IsRoot && !allowRoot)
            {
                throw PathProblem.Malformed;
            }
            return inner with { View = inView ? view : namespaceView };
        }
        var (lower, display) = Normalize(path);
        var absLower = view.PrefixLower + lower;
        var absDisplay = CaseFromTree(view.Store, view.PrefixDisplay + display);
        if (absLower == view.PrefixLower && !allowRoot)
        {
            throw PathProblem.Malformed;
        }
        return new ResolvedPath(view, absLower, absDisplay, view.Store.Get(absLower));
    }

    /// <summary>
    /// Validates an absolute path and returns its key (NFC, lower-cased: how paths compare and what
    /// <c>path_lower</c> shows) and its display form, kept as the client spelled it (a name uploaded in
    /// NFD keeps its NFD <c>name</c> and <c>path_display</c>, as Dropbox keeps it). Empty
    /// components (a doubled or trailing slash), "." and "..", NUL, broken UTF-16 and names
    /// longer than 255 characters are malformed.
    /// </summary>
    public static (string Lower, string Display) Normalize(string path)
    {
        if (path == "/")
        {
            return ("", "");
        }
        if (!path.StartsWith('/') || path.EndsWith('/'))
        {
            throw PathProblem.Malformed;
        }
        string composed;
        try
        {
            composed = path.Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            throw PathProblem.Malformed; // lone surrogates
        }
        foreach (var component in composed[1..].Split('/'))
        {
            if (component.Length == 0 || component is "." or ".." || component.Contains('\0', StringComparison.Ordinal)
                || component.Length > MaxComponentLength)
            {
                throw PathProblem.Malformed;
            }
        }
        return (composed.ToLower(CultureInfo.InvariantCulture), path);
    }

    /// <summary>True for names Dropbox refuses to store (desktop.ini, .DS_Store…).</summary>
    public static bool IsDisallowed(string name) => DisallowedNames.Contains(name);

    /// <summary>
    /// Existing ancestors keep the case they were created with; only new components take the
    /// caller's case (Dropbox is case-preserving per component).
    /// </summary>
    private static string CaseFromTree(Store store, string absDisplay)
    {
        var builder = new StringBuilder(absDisplay.Length);
        var components = absDisplay.Split('/');
        var lowerSoFar = new StringBuilder();
        for (var i = 1; i < components.Length; i++)
        {
            lowerSoFar.Append('/').Append(components[i].Normalize(NormalizationForm.FormC).ToLower(CultureInfo.InvariantCulture));
            var existing = i < components.Length - 1 ? store.Get(lowerSoFar.ToString()) : null;
            builder.Append('/').Append(existing?.Name ?? components[i]);
        }
        return builder.ToString();
    }
}
