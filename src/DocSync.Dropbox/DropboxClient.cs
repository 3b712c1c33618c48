using System.Collections.Concurrent;
using DocSync.Dropbox.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DocSync.Dropbox;

/// <summary>
/// A typed, resilient Dropbox API v2 client: one async method per route, our own immutable
/// records, retries classified in one place, uploads that never send partial bytes, and downloads
/// verified against their content hash. Thread-safe; create one per linked account (or team
/// member, via <see cref="AsTeamMember"/>) and share it.
/// </summary>
public sealed partial class DropboxClient
{
    private readonly DropboxTransport _transport;
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _commitGates;

    /// <summary>Creates a client over an <see cref="HttpClient"/> (from <c>IHttpClientFactory</c> or your own).</summary>
    /// <param name="httpClient">The HTTP client; its <see cref="HttpClient.Timeout"/> should be infinite (attempts time out by <see cref="DropboxClientOptions.AttemptTimeout"/>).</param>
    /// <param name="tokenProvider">Consulted before each call.</param>
    /// <param name="options">Hosts, retries, upload sizes; validated here.</param>
    /// <param name="timeProvider">Clock for backoff and token expiry. Default the system clock.</param>
    /// <param name="logger">Logger. Default none.</param>
    public DropboxClient(HttpClient httpClient, IDropboxTokenProvider tokenProvider, DropboxClientOptions options,
        TimeProvider? timeProvider = null, ILogger<DropboxClient>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(tokenProvider);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _transport = new DropboxTransport(httpClient, options.Clone(), tokenProvider, timeProvider ?? TimeProvider.System,
            (ILogger?)logger ?? NullLogger.Instance);
        _commitGates = new ConcurrentDictionary<string, SemaphoreSlim>(StringComparer.Ordinal);
    }

    private DropboxClient(DropboxTransport transport, ConcurrentDictionary<string, SemaphoreSlim> commitGates)
    {
        _transport = transport;
        _commitGates = commitGates;
    }

    /// <summary>The options in force (a copy; changing it changes nothing).</summary>
    public DropboxClientOptions Options => _transport.Options.Clone();

    /// <summary>A client acting as a team member (<c>Dropbox-API-Select-User</c>), sharing this one's connections and token.</summary>
    public DropboxClient AsTeamMember(string teamMemberId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(teamMemberId);
        var options = _transport.Options.Clone();
        options.SelectUser = teamMemberId;
        return new DropboxClient(_transport.With(options), _commitGates);
    }

    /// <summary>A client whose paths are relative to <paramref name="root"/> (<c>Dropbox-API-Path-Root</c>).</summary>
    public DropboxClient WithPathRoot(PathRoot root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var options = _transport.Options.Clone();
        options.PathRoot = root;
        return new DropboxClient(_transport.With(options), _commitGates);
    }

    /// <summary>
    /// The gate that serialises commits into this client's namespace: Dropbox serialises them anyway,
    /// and racing them only earns <c>too_many_write_operations</c>.
    /// </summary>
    private SemaphoreSlim CommitGate =>
        _commitGates.GetOrAdd($"{_transport.Options.SelectUser}|{_transport.Options.PathRoot?.ToHeaderValue()}", _ => new SemaphoreSlim(1, 1));

    private static void RequirePath(string path, bool allowRoot = false, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(path))] string? name = null)
    {
        ArgumentNullException.ThrowIfNull(path, name);
        if (path.Length == 0 && allowRoot)
        {
            return;
        }
        if (path == "/")
        {
            throw new ArgumentException("The Dropbox root is \"\" (empty), not \"/\".", name);
        }
        if (!(path.StartsWith('/') || path.StartsWith("id:", StringComparison.Ordinal) || path.StartsWith("rev:", StringComparison.Ordinal)
            || path.StartsWith("ns:", StringComparison.Ordinal)))
        {
            throw new ArgumentException($"A Dropbox path starts with '/', \"id:\", \"rev:\" or \"ns:\"; got \"{path}\".", name);
        }
    }
}
