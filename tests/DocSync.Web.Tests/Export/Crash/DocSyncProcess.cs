using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace DocSync.Web.Tests.Export.Crash;

/// <summary>
/// The built DocSync.Web.dll (next to the tests) as a child process on a free loopback port, its
/// standard output and error appended to a log file shared by every start.
/// </summary>
public sealed class DocSyncProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ProcessLog _log;

    private DocSyncProcess(Process process, Uri baseUri, ProcessLog log)
    {
        _process = process;
        BaseUri = baseUri;
        _log = log;
    }

    public Uri BaseUri { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>Starts the service with <paramref name="settings"/> as environment variables and waits until /health answers.</summary>
    public static async Task<DocSyncProcess> StartAsync(IReadOnlyDictionary<string, string> settings, string workingDirectory, ProcessLog log, int life)
    {
        var port = FreePort();
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "DocSync.Web.dll"));
        foreach (var inherited in info.Environment.Keys.Where(k => k.StartsWith("DocSync", StringComparison.OrdinalIgnoreCase) || k is "DOTNET_ENVIRONMENT" or "ASPNETCORE_URLS").ToList())
        {
            info.Environment.Remove(inherited);
        }
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["Urls"] = $"http://127.0.0.1:{port}";
        foreach (var (key, value) in settings)
        {
            info.Environment[key] = value;
        }

        log.Write($"=== life {life}: starting on port {port} ===");
        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start DocSync.Web.");
        process.OutputDataReceived += (_, e) => log.Write(e.Data);
        process.ErrorDataReceived += (_, e) => log.Write(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var child = new DocSyncProcess(process, new Uri($"http://127.0.0.1:{port}/"), log);

        using var probe = new HttpClient { BaseAddress = child.BaseUri, Timeout = TimeSpan.FromSeconds(5) };
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(60) && !process.HasExited)
        {
            try
            {
                using var response = await probe.GetAsync("health");
                if (response.IsSuccessStatusCode)
                {
                    return child;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(25);
        }

        var exited = process.HasExited ? $"it exited with code {process.ExitCode}" : "it did not answer /health within 60 s";
        await child.DisposeAsync();
        throw new InvalidOperationException($"DocSync.Web (life {life}) did not come up: {exited}.");
    }

    /// <summary>
    /// SIGKILL (Process.Kill on Linux): no shutdown, no flush, no finally block runs in the child.
    /// Returns false when the child had already exited on its own (a crash is a finding, not a kill).
    /// </summary>
    public async Task<bool> KillAsync()
    {
        var running = !_process.HasExited;
        if (running)
        {
            _process.Kill();
        }
        await WaitGoneAsync();
        _log.Write(running ? $"=== killed (exit code {_process.ExitCode}) ===" : $"=== had exited on its own (exit code {_process.ExitCode}) ===");
        return running;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await WaitGoneAsync();
            }
        }
        catch (InvalidOperationException)
        {
            // It exited between the check and the kill.
        }
        _process.Dispose();
    }

    /// <summary>
    /// Waits for the process to be gone, at most 30 s: waiting for its output to end as well could
    /// last forever if anything it started still held the pipes.
    /// </summary>
    private async Task WaitGoneAsync()
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await _process.WaitForExitAsync(patience.Token);
        }
        catch (OperationCanceledException)
        {
            _log.Write(_process.HasExited ? "=== exited; its output did not close within 30 s ===" : "=== still running 30 s after SIGKILL ===");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
