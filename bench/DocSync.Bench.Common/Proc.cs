using System.Globalization;

namespace DocSync.Bench.Common;

/// <summary>Memory figures of a process, and the machine's load, from Linux's /proc.</summary>
public static class Proc
{
    /// <summary>VmHWM: the peak resident set since start or the last <see cref="ResetPeak"/>.</summary>
    public static long PeakRss(int pid) => Field(pid, "VmHWM:");

    /// <summary>VmRSS: the resident set now.</summary>
    public static long Rss(int pid) => Field(pid, "VmRSS:");

    /// <summary>Starts the peak from the current resident set (clear_refs 5); false where the kernel does not allow it.</summary>
    public static bool ResetPeak(int pid)
    {
        try
        {
            File.WriteAllText($"/proc/{pid}/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>The machine's 1-minute load average (other work on the machine skews every figure).</summary>
    public static string LoadAverage() => File.ReadAllText("/proc/loadavg").Split(' ')[0];

    public static string Mib(long bytes) => (bytes / 1048576.0).ToString("F0", CultureInfo.InvariantCulture) + " MiB";

    private static long Field(int pid, string name)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith(name, StringComparison.Ordinal))
            {
                return long.Parse(line[name.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
            }
        }
        return -1;
    }
}
