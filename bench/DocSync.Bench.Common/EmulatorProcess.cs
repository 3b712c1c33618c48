using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace DocSync.Bench.Common;

/// <summary>
/// The Dropbox emulator as a child process, so its memory and CPU are its own: in memory only by
/// default, or with a data folder of its own (removed on dispose) when the bench measures persistence.
/// </summary>
public sealed class EmulatorProcess : IAsyncDisposable
{
    /// <summary>The development app the emulator seeds (key and secret are public constants of the emulator).</summary>
    public const string AppKey = "docsync-dev-app";

    public const string AppSecret = "docsync-dev-secret";

    /// <summary>The seeded account DocSync links.</summary>
    public const string Account = "alice@example.com";

    private readonly Process _process;
    private readonly HttpClient _admin;

    private EmulatorProcess(Process process, Uri baseUri, string adminSecret, string? dataDirectory)
    {
        _process = process;
        BaseUri = baseUri;
        DataDirectory = dataDirectory;
        _admin = new HttpClient { BaseAddress = baseUri, Timeout = TimeSpan.FromMinutes(5) };
        _admin.DefaultRequestHeaders.Add("X-Emulator-Admin-Secret", adminSecret);
    }

    public Uri BaseUri { get; }

    public int ProcessId => _process.Id;

    /// <summary>The emulator's data folder; null when it keeps everything in memory.</summary>
    public string? DataDirectory { get; }

    /// <summary>Starts <paramref name="dll"/>; with <paramref name="persistent"/> it keeps its state in a fresh temporary data folder.</summary>
    public static async Task<EmulatorProcess> StartAsync(string dll, bool persistent = false)
    {
        var port = FreePort();
        var data = persistent ? Path.Combine(Path.GetTempPath(), "docsync-bench-" + Guid.NewGuid().ToString("N")) : null;
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        // The admin API answers only with the secret it was started with.
        var secret = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        info.Environment["DOCSYNC_EMULATOR_ADMIN_SECRET"] = secret;
        foreach (var arg in new[] { dll, "--port", port.ToString(CultureInfo.InvariantCulture), "--no-tokens" })
        {
            info.ArgumentList.Add(arg);
        }
        if (data is not null)
        {
            info.ArgumentList.Add("--data");
            info.ArgumentList.Add(data);
        }
        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the emulator.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Console.Error.WriteLine("[emulator] " + e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var emulator = new EmulatorProcess(process, new Uri($"http://127.0.0.1:{port}/"), secret, data);
        for (var i = 0; i < 300; i++)
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
        await emulator.DisposeAsync();
        throw new InvalidOperationException("The emulator did not come up.");
    }

    /// <summary>Peak resident set (VmHWM) since start or the last <see cref="ResetPeak"/>.</summary>
    public long PeakRssBytes => Proc.PeakRss(_process.Id);

    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public void ResetPeak() => Proc.ResetPeak(_process.Id);

    /// <summary>Every request to the emulator takes <paramref name="latencyMs"/> longer (before it is handled, as a slow network).</summary>
    public Task SetLatencyAsync(int latencyMs) => AdminAsync(HttpMethod.Put, "faults", new JsonObject
    {
        ["seed"] = 1,
        ["rules"] = latencyMs == 0 ? new JsonArray() : new JsonArray(new JsonObject { ["kind"] = "latency", ["latency_ms"] = latencyMs }),
    });

    public async Task<string> AccountIdAsync()
    {
        var accounts = await AdminAsync(HttpMethod.Get, "accounts", null);
        return accounts.AsArray().Select(a => a!.AsObject()).Single(a => (string?)a["email"] == Account)["account_id"]!.GetValue<string>();
    }

    /// <summary>A refresh token (as a person linking DocSync would leave behind) and an access token, for the seeded app and account.</summary>
    public async Task<(string Refresh, string Access)> GrantAsync()
    {
        var grant = (await AdminAsync(HttpMethod.Post, "tokens", new JsonObject { ["account"] = Account, ["refresh"] = true })).AsObject();
        return (grant["refresh_token"]!.GetValue<string>(), grant["access_token"]!.GetValue<string>());
    }

    /// <summary>The account's files as the server holds them: lower-cased path → (rev, content hash). Folders left out.</summary>
    public async Task<Dictionary<string, (string Rev, string Hash)>> FilesAsync()
    {
        var files = await AdminAsync(HttpMethod.Get, "files?account=" + Uri.EscapeDataString(Account), null);
        return files.AsArray().Select(f => f!.AsObject()).Where(f => f["folder"]?.GetValue<bool>() != true)
            .ToDictionary(f => f["path_display"]!.GetValue<string>().ToLowerInvariant(), f => (f["rev"]!.GetValue<string>(), f["content_hash"]!.GetValue<string>()),
                StringComparer.Ordinal);
    }

    /// <summary>A call to the emulator's admin API (<c>/_emulator/…</c>); a failure throws with its answer.</summary>
    public async Task<JsonNode> AdminAsync(HttpMethod method, string path, JsonNode? body)
    {
        using var request = new HttpRequestMessage(method, "_emulator/" + path)
        {
            Content = body is null ? null : new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        using var response = await _admin.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Emulator admin {path}: {(int)response.StatusCode} {text}");
        }
        return JsonNode.Parse(text)!;
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
        if (DataDirectory is not null && Directory.Exists(DataDirectory))
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
