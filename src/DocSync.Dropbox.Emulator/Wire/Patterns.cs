using System.Text.RegularExpressions;

namespace DocSync.Dropbox.Emulator.Wire;

/// <summary>The string patterns the Dropbox spec declares for path and id arguments.</summary>
public static partial class Patterns
{
    /// <summary>Path for listing: root "", absolute, id: or ns:.</summary>
    [GeneratedRegex(@"\A(?:(/(.|[\r\n])*)?|id:.*|(ns:[0-9]+(/.*)?))\z", RegexOptions.Singleline)]
    public static partial Regex PathROrId();

    /// <summary>ReadPath: absolute, id:, rev: or ns:.</summary>
    [GeneratedRegex(@"\A(?:(/(.|[\r\n])*|id:.*)|(rev:[0-9a-f]{9,})|(ns:[0-9]+(/.*)?))\z", RegexOptions.Singleline)]
    public static partial Regex ReadPath();

    /// <summary>WritePath: absolute or ns:.</summary>
    [GeneratedRegex(@"\A(?:(/(.|[\r\n])*)|(ns:[0-9]+(/.*)?))\z", RegexOptions.Singleline)]
    public static partial Regex WritePath();

    /// <summary>WritePathOrId: absolute, ns: or id:.</summary>
    [GeneratedRegex(@"\A(?:(/(.|[\r\n])*)|(ns:[0-9]+(/.*)?)|(id:.*))\z", RegexOptions.Singleline)]
    public static partial Regex WritePathOrId();

    /// <summary>Path for list_revisions and restore: absolute, id: or ns: (no rev:).</summary>
    [GeneratedRegex(@"\A(?:/(.|[\r\n])*|id:.*|(ns:[0-9]+(/.*)?))\z", RegexOptions.Singleline)]
    public static partial Regex PathOrId();

    /// <summary>A file revision.</summary>
    [GeneratedRegex(@"\A(?:[0-9a-f]+)\z")]
    public static partial Regex Rev();

    /// <summary>A 64-hex-digit content hash.</summary>
    [GeneratedRegex(@"\A(?:[0-9a-f]{64})\z")]
    public static partial Regex ContentHash();
}
