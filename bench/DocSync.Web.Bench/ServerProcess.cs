using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace DocSync.Web.Bench;

/// <summary>
/// The built DocSync.Web.dll as a child process on a loopback port, as in production: its memory and
/// CPU are its own, its log goes to <c>server.log</c> in its working directory.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly Lock _logLock = new();
    private bool _closed;

    private ServerProcess(Process process, Uri baseUri, string logPath)
    {
        _process = process;
        BaseUri = baseUri;
        LogPath = logPath;
        _log = new StreamWriter(logPath) { AutoFlush = true };
    }

    public Uri BaseUri { get; }

    public string LogPath { get; }

    /// <summary>VmHWM of the server: its peak resident set since it started.</summary>
    public long PeakRssBytes => ProcStatus("VmHWM:");

    /// <summary>VmRSS of the server: its resident set now.</summary>
    public long RssBytes => ProcStatus("VmRSS:");

    /// <summary>Starts the peak (VmHWM) from the current resident set; false where the kernel does not allow it.</summary>
    public bool ResetPeak()
    {
        try
        {
            File.WriteAllText($"/proc/{_process.Id}/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>CPU time the server has used so far (user + system), from /proc/&lt;pid&gt;/stat.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            // Fields after the parenthesised command name; utime and stime are fields 14 and 15, in clock ticks (100 Hz on Linux).
            var stat = File.ReadAllText($"/proc/{_process.Id}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return TimeSpan.FromSeconds(ticks / 100.0);
        }
    }

    /// <summary>Starts <paramref name="dll"/> in <paramref name="folder"/> (its working directory) with <paramref name="settings"/> as command-line settings.</summary>
    public static async Task<ServerProcess> StartAsync(string dll, string folder, IReadOnlyDictionary<string, string> settings)
    {
        var port = FreePort();
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment.Remove("DOTNET_ENVIRONMENT");
        info.ArgumentList.Add(dll);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add($"http://127.0.0.1:{port}");
        foreach (var (key, value) in settings)
        {
            info.ArgumentList.Add($"--{key}={value}");
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start DocSync.Web.");
        var server = new ServerProcess(process, new Uri($"http://127.0.0.1:{port}/"), Path.Combine(folder, "server.log"));
        process.OutputDataReceived += (_, e) => server.Write(e.Data);
        process.ErrorDataReceived += (_, e) => server.Write(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var probe = new HttpClient { BaseAddress = server.BaseUri, Timeout = TimeSpan.FromSeconds(5) };
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (process.HasExited)
            {
                break;
            }

            try
            {
                using var response = await probe.GetAsync("health");
                if (response.IsSuccessStatusCode)
                {
                    return server;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(200);
        }

        await server.DisposeAsync();
        throw new InvalidOperationException($"DocSync.Web did not come up (see {server.LogPath}).");
    }

    /// <summary>
    /// Log entries at error level or worse: the console logger's "fail:"/"crit:" line with the indented
    /// message and stack trace under it.
    /// </summary>
    public IReadOnlyList<string> Failures()
    {
        using var reader = new StreamReader(new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
        var entries = new List<string>();
        System.Text.StringBuilder? entry = null;
        while (reader.ReadLine() is { } line)
        {
            if (line.StartsWith("fail:", StringComparison.Ordinal) || line.StartsWith("crit:", StringComparison.Ordinal))
            {
                Flush();
                entry = new System.Text.StringBuilder(line);
            }
            else if (entry is not null && line.StartsWith(' '))
            {
                entry.Append('\n').Append(line);
            }
            else
            {
                Flush();
            }
        }

        Flush();
        return entries;

        void Flush()
        {
            if (entry is not null)
            {
                entries.Add(entry.ToString());
                entry = null;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        lock (_logLock)
        {
            _closed = true;
            _log.Dispose();
        }
    }

    private void Write(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_logLock)
        {
            if (!_closed)
            {
                _log.WriteLine(line);
            }
        }
    }

    private long ProcStatus(string field)
    {
        foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
        {
            if (line.StartsWith(field, StringComparison.Ordinal))
            {
                return long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
            }
        }

        return -1;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
