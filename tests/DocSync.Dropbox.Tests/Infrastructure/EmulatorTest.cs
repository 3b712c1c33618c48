using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DocSync.Dropbox.Emulator;
using DocSync.Dropbox.Emulator.Faults;
using DocSync.Dropbox.Emulator.Model;

namespace DocSync.Dropbox.Tests.Infrastructure;

/// <summary>
/// A fresh emulator per test (its own world, faults and port) and clients pointed at it over real HTTP.
/// </summary>
public abstract class EmulatorTest : IAsyncLifetime
{
    private readonly List<IDisposable> _disposables = [];

    protected DropboxEmulator Emulator { get; private set; } = null!;

    /// <summary>Counts every request the clients made by <see cref="NewClient"/> sent.</summary>
    protected RequestCounter Requests { get; private set; } = null!;

    /// <summary>Alice's client (full-Dropbox app, a token that does not expire).</summary>
    protected DropboxClient Alice { get; private set; } = null!;

    protected virtual EmulatorOptions CreateEmulatorOptions() => new() { LongpollMaxWait = TimeSpan.FromSeconds(1) };

    public virtual async Task InitializeAsync()
    {
        Emulator = await DropboxEmulator.StartAsync(CreateEmulatorOptions());
        Requests = new RequestCounter();
        Alice = NewClient(WorldSeeder.AliceEmail);
    }

    public async Task DisposeAsync()
    {
        foreach (var disposable in _disposables)
        {
            disposable.Dispose();
        }
        await Emulator.DisposeAsync();
    }

    /// <summary>Options pointing every host at the emulator.</summary>
    protected DropboxClientOptions Options(Action<DropboxClientOptions>? configure = null)
    {
        var options = new DropboxClientOptions
        {
            ApiBaseUri = Emulator.BaseUri,
            ContentBaseUri = Emulator.BaseUri,
            NotifyBaseUri = Emulator.BaseUri,
            OAuthTokenBaseUri = Emulator.BaseUri,
            OAuthAuthorizeBaseUri = Emulator.BaseUri,
            AppKey = WorldSeeder.AppKey,
            AppSecret = WorldSeeder.AppSecret,
            RetryBaseDelay = TimeSpan.FromMilliseconds(10),
            RetryMaxDelay = TimeSpan.FromMilliseconds(100),
            BatchCommitIdle = TimeSpan.FromMilliseconds(50),
        };
        configure?.Invoke(options);
        return options;
    }

    protected HttpClient NewHttp()
    {
        var http = new HttpClient(Requests, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };
        _disposables.Add(http);
        return http;
    }

    protected DropboxClient NewClient(string email, Action<DropboxClientOptions>? configure = null, TimeProvider? time = null) =>
        NewClient(new StaticTokenProvider(Emulator.MintToken(email)), configure, time);

    protected DropboxClient NewClient(IDropboxTokenProvider tokens, Action<DropboxClientOptions>? configure = null, TimeProvider? time = null) =>
        new(NewHttp(), tokens, Options(configure), time);

    /// <summary>Injects faults: the same seed and calls give the same faults.</summary>
    protected void Faults(int seed, params FaultRule[] rules) => Emulator.Faults.Configure(seed, rules);

    protected async Task<JsonObject> AdminAsync(string path, JsonNode? body)
    {
        using var http = new HttpClient { BaseAddress = Emulator.BaseUri };
        http.DefaultRequestHeaders.Add(DocSync.Dropbox.Emulator.Admin.AdminGuard.SecretHeader, Emulator.AdminSecret);
        using var response = await http.PostAsync("_emulator/" + path, JsonContent.Create(body ?? new JsonObject()));
        var text = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.ShouldBeTrue(text);
        return JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>Bytes from a seeded generator.</summary>
    protected static byte[] RandomBytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    /// <summary>The account's file at <paramref name="path"/> as the emulator holds it (its own view, not the client's).</summary>
    protected (long Size, string ContentHash, string Rev)? ServerFile(string email, string path)
    {
        var account = Emulator.Account(email);
        lock (Emulator.State.Gate)
        {
            var view = Emulator.State.ViewOfNamespace(account.HomeNamespaceId);
            var node = view.Store.Get(view.PrefixLower + path.ToLowerInvariant());
            return node?.Current is { } version ? (version.Size, version.ContentHash, version.Rev) : null;
        }
    }

    /// <summary>How many files and folders the account holds under <paramref name="folder"/> (server side).</summary>
    protected int ServerCount(string email, string folder)
    {
        var account = Emulator.Account(email);
        lock (Emulator.State.Gate)
        {
            var view = Emulator.State.ViewOfNamespace(account.HomeNamespaceId);
            return view.Store.Descendants(view.PrefixLower + folder.ToLowerInvariant()).Count();
        }
    }
}
