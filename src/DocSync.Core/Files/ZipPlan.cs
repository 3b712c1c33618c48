using DocSync.Core.Organizing;

namespace DocSync.Core.Files;

/// <summary>
/// Pure: the entry names of a zip of files. Each path segment is made safe (no separators, control or
/// invisible characters, no "." or "..", so nothing unpacks outside its folder) and names that would
/// be the same in one folder — ignoring case, as Windows and macOS do — are told apart with a number
/// (<c>scan.pdf</c>, <c>scan (2).pdf</c>); a file and a folder never share a name either.
/// </summary>
public static class ZipPlan
{
    /// <summary>A file to put in the zip, at <paramref name="Path"/> (folder names, then its name).</summary>
    /// <param name="Path">The folders above it and its name, as stored.</param>
    /// <param name="File">The file.</param>
    public sealed record Item(IReadOnlyList<string> Path, FolderFileInfo File);

    /// <summary>A file in the zip under <paramref name="Name"/>.</summary>
    /// <param name="Name">The entry name, segments joined by '/'.</param>
    /// <param name="File">The file.</param>
    public sealed record Entry(string Name, FolderFileInfo File);

    /// <summary>The entries for <paramref name="items"/>, in their order.</summary>
    /// <param name="items">The files and their paths.</param>
    public static IReadOnlyList<Entry> Plan(IEnumerable<Item> items)
    {
        ArgumentNullException.ThrowIfNull(items);

        // Per zip folder ("" is the top): the names taken in it, and what each stored folder name became there.
        var taken = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var folders = new Dictionary<(string Parent, string Key), string>();
        var entries = new List<Entry>();
        foreach (var item in items)
        {
            var at = "";
            for (var i = 0; i < item.Path.Count - 1; i++)
            {
                var key = (at, FileNames.Key(Safe(item.Path[i])));
                if (!folders.TryGetValue(key, out var name))
                {
                    name = Take(taken, at, Safe(item.Path[i]));
                    folders[key] = name;
                }

                at = at.Length == 0 ? name : $"{at}/{name}";
            }

            var fileName = Take(taken, at, Safe(item.Path[^1]));
            entries.Add(new Entry(at.Length == 0 ? fileName : $"{at}/{fileName}", item.File));
        }

        return entries;
    }

    private static string Safe(string name)
    {
        var clean = FileRules.Sanitize(name);
        return clean is "." or ".." ? "_" : clean;
    }

    private static string Take(Dictionary<string, HashSet<string>> taken, string folder, string name)
    {
        if (!taken.TryGetValue(folder, out var keys))
        {
            taken[folder] = keys = new HashSet<string>(StringComparer.Ordinal);
        }

        var free = FileNames.Free(name, candidate => keys.Contains(FileNames.Key(candidate)));
        keys.Add(FileNames.Key(free));
        return free;
    }
}
