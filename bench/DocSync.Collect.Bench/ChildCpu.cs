using System.Globalization;

namespace DocSync.Collect.Bench;

/// <summary>
/// CPU time of this process's finished child processes (tesseract, pdftoppm), from the cutime and
/// cstime fields of /proc/self/stat: .NET waits for the tools it starts, so each counts once it ends.
/// </summary>
internal static class ChildCpu
{
    // USER_HZ: the unit of those fields, 100 on every Linux the bench runs on.
    private const double TicksPerSecond = 100;

    public static TimeSpan Total()
    {
        var stat = File.ReadAllText("/proc/self/stat");
        // The command name (field 2) is in parentheses and may hold spaces: count from after it. cutime, cstime are fields 16 and 17.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[13], CultureInfo.InvariantCulture) + long.Parse(fields[14], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }
}
