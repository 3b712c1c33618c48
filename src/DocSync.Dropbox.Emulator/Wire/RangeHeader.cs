using System.Globalization;

namespace DocSync.Dropbox.Emulator.Wire;

/// <summary>Parses a single-range <c>Range: bytes=…</c> header.</summary>
public static class RangeHeader
{
    /// <summary>
    /// False when there is no usable Range header (serve everything). True with a null range when
    /// the range cannot be satisfied (416); otherwise the inclusive byte range.
    /// </summary>
    public static bool TryParse(string header, long length, out (long Start, long End)? range)
    {
        range = null;
        if (string.IsNullOrWhiteSpace(header) || !header.StartsWith("bytes=", StringComparison.OrdinalIgnoreCase) || header.Contains(',', StringComparison.Ordinal))
        {
            return false;
        }
        var spec = header["bytes=".Length..].Trim();
        var dash = spec.IndexOf('-', StringComparison.Ordinal);
        if (dash < 0)
        {
            return false;
        }
        var startText = spec[..dash];
        var endText = spec[(dash + 1)..];
        if (startText.Length == 0)
        {
            if (!long.TryParse(endText, NumberStyles.None, CultureInfo.InvariantCulture, out var suffix))
            {
                return false;
            }
            if (suffix == 0 || length == 0)
            {
                return true;
            }
            range = (Math.Max(0, length - suffix), length - 1);
            return true;
        }
        if (!long.TryParse(startText, NumberStyles.None, CultureInfo.InvariantCulture, out var start))
        {
            return false;
        }
        var end = length - 1;
        if (endText.Length > 0 && !long.TryParse(endText, NumberStyles.None, CultureInfo.InvariantCulture, out end))
        {
            return false;
        }
        if (start >= length || end < start)
        {
            return true;
        }
        range = (start, Math.Min(end, length - 1));
        return true;
    }
}
