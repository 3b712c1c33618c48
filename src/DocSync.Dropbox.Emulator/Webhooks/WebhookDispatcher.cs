using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using DocSync.Dropbox.Emulator.Model;
using DocSync.Dropbox.Emulator.Wire;

namespace DocSync.Dropbox.Emulator.Webhooks;

/// <summary>
/// Sends Dropbox-style webhooks: a GET challenge when a URI is registered, and on changes a signed
/// POST of <c>{"list_folder":{"accounts":[…]},"delta":{"users":[…]}}</c> per app, coalesced over a
/// short window and retried with backoff when the receiver fails.
/// </summary>
public sealed class WebhookDispatcher : IAsyncDisposable
{
    private static readonly TimeSpan Coalesce = TimeSpan.FromMilliseconds(100);
    private readonly EmulatorState _state;
    private readonly HttpClient _http;
    private readonly Channel<string> _pending = Channel.CreateUnbounded<string>();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly Lock _logGate = new();
    private readonly List<WebhookDelivery> _log = [];

    public WebhookDispatcher(EmulatorState state, HttpMessageHandler? handler = null)
    {
        _state = state;
        _http = handler is null ? new HttpClient() : new HttpClient(handler);
        _http.Timeout = TimeSpan.FromSeconds(10);
        state.StoreChanged += OnStoreChanged;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Attempts made per notification before giving up. Default 5.</summary>
    public int MaxAttempts { get; set; } = 5;

    public IReadOnlyList<WebhookDelivery> Log
    {
        get
        {
            lock (_logGate)
            {
                return _log.ToList();
            }
        }
    }

    /// <summary>Registers a webhook URI for an app after it echoes the challenge, as Dropbox does.</summary>
    public async Task<bool> RegisterAsync(string appKey, string uri, CancellationToken cancellationToken)
    {
        var challenge = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var separator = uri.Contains('?', StringComparison.Ordinal) ? "&" : "?";
        bool verified;
        try
        {
            using var response = await _http.GetAsync($"{uri}{separator}challenge={challenge}", cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            verified = response.IsSuccessStatusCode && body == challenge;
            Record(new WebhookDelivery(appKey, uri, "challenge", (int)response.StatusCode, verified, _state.Now));
        }
        catch (HttpRequestException)
        {
            verified = false;
            Record(new WebhookDelivery(appKey, uri, "challenge", 0, false, _state.Now));
        }
        lock (_state.Gate)
        {
            var app = _state.Apps[appKey];
            app.WebhookUri = uri;
            app.WebhookVerified = verified;
            _state.NotifyMutated();
        }
        return verified;
    }

    /// <summary>Queues a notification for these accounts now (the admin API's "fire").</summary>
    public void Enqueue(IEnumerable<string> accountIds)
    {
        foreach (var id in accountIds)
        {
            _pending.Writer.TryWrite(id);
        }
    }

    private void OnStoreChanged(Store store)
    {
        List<string> accounts;
        lock (_state.Gate)
        {
            accounts = _state.Accounts.Values
                .Where(a => _state.Namespaces.TryGetValue(a.HomeNamespaceId, out var home) && home.StoreNamespaceId == store.NamespaceId
                    || _state.TeamOf(a)?.RootNamespaceId == store.NamespaceId)
                .Select(a => a.AccountId)
                .ToList();
        }
        Enqueue(accounts);
    }

    private async Task RunAsync()
    {
        var reader = _pending.Reader;
        try
        {
            while (await reader.WaitToReadAsync(_stop.Token))
            {
                await Task.Delay(Coalesce, _stop.Token);
                var batch = new HashSet<string>(StringComparer.Ordinal);
                while (reader.TryRead(out var id))
                {
                    batch.Add(id);
                }
                foreach (var (app, accounts) in Targets(batch))
                {
                    _ = DeliverAsync(app, accounts);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private List<(AppRegistration App, List<Account> Accounts)> Targets(HashSet<string> accountIds)
    {
        lock (_state.Gate)
        {
            var result = new List<(AppRegistration, List<Account>)>();
            foreach (var app in _state.Apps.Values.Where(a => a.WebhookUri is not null && a.WebhookVerified))
            {
                var linked = accountIds
                    .Where(id => _state.AccessTokens.Values.Any(t => t.AppKey == app.Key && t.AccountId == id && !t.Revoked)
                        || _state.RefreshTokens.Values.Any(t => t.AppKey == app.Key && t.AccountId == id && !t.Revoked))
                    .Select(id => _state.Accounts[id])
                    .ToList();
                if (linked.Count > 0)
                {
                    result.Add((app, linked));
                }
            }
            return result;
        }
    }

    private async Task DeliverAsync(AppRegistration app, List<Account> accounts)
    {
        var body = new JsonObject
        {
            ["list_folder"] = new JsonObject { ["accounts"] = RouteArray(accounts.Select(a => (JsonNode)a.AccountId)) },
            ["delta"] = new JsonObject
            {
                ["users"] = RouteArray(accounts.Select(a => (JsonNode)long.Parse(a.HomeNamespaceId, CultureInfo.InvariantCulture))),
            },
        };
        var bytes = DropboxJson.SerializeToUtf8(body);
        var signature = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(app.Secret), bytes));
        var delay = TimeSpan.FromMilliseconds(200);
        for (var attempt = 1; attempt <= MaxAttempts && !_stop.IsCancellationRequested; attempt++)
        {
            var status = 0;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, app.WebhookUri) { Content = new ByteArrayContent(bytes) };
                request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
                request.Headers.TryAddWithoutValidation("User-Agent", "DropboxWebhooks/1.0");
                request.Headers.Add("X-Dropbox-Signature", signature);
                using var response = await _http.SendAsync(request, _stop.Token);
                status = (int)response.StatusCode;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                status = 0;
            }
            var ok = status == 200;
            Record(new WebhookDelivery(app.Key, app.WebhookUri!, DropboxJson.Serialize(body), status, ok, _state.Now));
            if (ok)
            {
                return;
            }
            try
            {
                await Task.Delay(delay, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            delay *= 2;
        }
    }

    private static JsonArray RouteArray(IEnumerable<JsonNode> items)
    {
        var array = new JsonArray();
        foreach (var item in items)
        {
            array.Add(item);
        }
        return array;
    }

    private void Record(WebhookDelivery delivery)
    {
        lock (_logGate)
        {
            _log.Add(delivery);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _state.StoreChanged -= OnStoreChanged;
        await _stop.CancelAsync();
        _pending.Writer.TryComplete();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
        }
        _http.Dispose();
        _stop.Dispose();
    }
}

/// <summary>One webhook call made (challenge or notification) and how the receiver answered.</summary>
public sealed record WebhookDelivery(string AppKey, string Uri, string Body, int Status, bool Succeeded, DateTimeOffset At);
