using DocSync.Core.Collect;
using DocSync.Core.Organizing;
using DocSync.Dropbox;
using DocSync.Export.Bench;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DocSync.Collect.Bench;

/// <summary>
/// What both phases need besides the host: Collect's options as the bench sets them, the binder the
/// channels file into, channels, and Alice's own Dropbox client (the person dropping files; its
/// requests are not DocSync's, so it has an HttpClient of its own and is not counted).
/// </summary>
internal sealed class CollectSetup : IDisposable
{
    private readonly BenchHost _host;
    private readonly HttpClient _http = new() { Timeout = Timeout.InfiniteTimeSpan };

    private CollectSetup(BenchHost host, Guid binderId, string accessToken)
    {
        _host = host;
        BinderId = binderId;
        Alice = new DropboxClient(_http, new StaticTokenProvider(accessToken), host.ClientOptions);
        Options = host.Services.GetRequiredService<IOptions<CollectOptions>>().Value;
    }

    /// <summary>The one instance every Collect service reads (IOptions is a singleton): the phases change it between runs.</summary>
    public CollectOptions Options { get; }

    public Guid BinderId { get; }

    public DropboxClient Alice { get; }

    /// <summary>
    /// The binder, Alice's client, and Collect's options: the host shared with the export bench binds
    /// a fixed configuration, so they are set on the options instance before any Collect service reads it.
    /// Files are taken at first sight (stable age zero) and the worker looks for due work every
    /// <paramref name="pollInterval"/>.
    /// </summary>
    public static async Task<CollectSetup> StartAsync(BenchHost host, EmulatorProcess emulator, TimeSpan pollInterval)
    {
        Guid binderId;
        await using (var unit = host.Scope(host.Owner))
        {
            binderId = (await unit.ServiceProvider.GetRequiredService<BinderService>().CreateAsync("Purchases 2026")).Id;
        }
        var (_, access) = await emulator.GrantAsync();
        var setup = new CollectSetup(host, binderId, access);
        setup.Options.StableAge = TimeSpan.Zero;
        setup.Options.PollInterval = pollInterval;
        setup.Options.InstanceId = "collect-bench";
        return setup;
    }

    /// <summary>A channel on <paramref name="folder"/> (made first in Alice's Dropbox if missing), filing into the binder for the owner; files stay where they are.</summary>
    public async Task<Guid> CreateChannelAsync(string name, string folder, bool nearRealTime)
    {
        if (await Alice.TryGetMetadataAsync(folder) is null)
        {
            await Alice.CreateFolderAsync(folder);
        }
        await using var unit = _host.Scope(_host.Owner);
        var channel = await unit.ServiceProvider.GetRequiredService<CollectService>().CreateAsync(new CollectionChannelInput
        {
            Name = name,
            ConnectionId = _host.ConnectionId,
            SourcePath = folder,
            DestinationPersonId = _host.Owner.Actor.Id,
            BinderId = BinderId,
            NearRealTime = nearRealTime,
            AfterCollect = AfterCollect.Leave,
        });
        return channel.Id;
    }

    /// <summary>Whether an inbox item holds exactly these bytes (its blob's SHA-256).</summary>
    public Task<bool> InInboxAsync(string sha256) => _host.QueryAsync(db => db.InboxItems.AnyAsync(i => i.Sha256 == sha256));

    public void Dispose() => _http.Dispose();
}
