using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace DocSync.Dropbox.Bench;

/// <summary>The emulator as a child process, so its memory is not counted as the client's.</summary>
internal sealed class EmulatorProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly HttpClient _admin;

    private EmulatorProcess(Process process, Uri baseUri, string adminSecret, string dataDirectory)
    {
        _process = process;
        BaseUri = baseUri;
        DataDirectory = dataDirectory;
        _admin = new HttpClient { BaseAddress = baseUri };
        _admin.DefaultRequestHeaders.Add("X-Emulator-Admin-Secret", adminSecret);
    }

    public Uri BaseUri { get; }

    public string DataDirectory { get; }

    public static async Task<EmulatorProcess> StartAsync(string dll)
    {
        var port = FreePort();
        var data = Path.Combine(Path.GetTempPath(), "docsync-bench-" + Guid.NewGuid().ToString("N"));
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        // The admin API answers only with the secret it was started with.
        var secret = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        info.Environment["DOCSYNC_EMULATOR_ADMIN_SECRET"] = secret;
        foreach (var arg in new[] { dll, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--data", data, "--no-tokens" })
        {
            info.ArgumentList.Add(arg);
        }
        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the emulator.");
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Console.Error.WriteLine("[emulator] " + e.Data);
            }
        };
        process.BeginErrorReadLine();
        var emulator = new EmulatorProcess(process, new Uri($"http://127.0.0.1:{port}/"), secret, data);
        for (var i = 0; i < 200; i++)
        {
            try
            {
                using var response = await emulator._admin.GetAsync("_emulator/state");
                if (response.IsSuccessStatusCode)
                {
                    return emulator;
                }
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100);
            }
        }
        throw new InvalidOperationException("The emulator did not come up.");
    }

    public long PeakRssBytes => ProcessPeakRss(_process.Id);

    public async Task<JsonObject> AdminAsync(HttpMethod method, string path, JsonNode? body)
    {
        using var request = new HttpRequestMessage(method, "_emulator/" + path)
        {
            Content = body is null ? null : new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        using var response = await _admin.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Admin {path}: {(int)response.StatusCode} {text}");
        }
        return JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>VmHWM of a process (peak resident set), from /proc.</summary>
    public static long ProcessPeakRss(int pid)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) * 1024;
            }
        }
        return -1;
    }

    public async ValueTask DisposeAsync()
    {
        _admin.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        if (Directory.Exists(DataDirectory))
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
