using Microsoft.Extensions.Logging;

namespace DocSync.Core.Sync.Changes;

/// <summary>An engine that acts when a Dropbox account says something changed in it (a webhook).</summary>
public interface IAccountChangeListener
{
    /// <summary>Wakes what this engine keeps for the accounts named; returns how many loops it woke.</summary>
    /// <param name="accountIds">Dropbox account ids (<c>dbid:…</c>), as the webhook names them.</param>
    /// <param name="cancellationToken">Cancels the lookup (the woken loops run on their own).</param>
    Task<int> AccountsChangedAsync(IReadOnlyCollection<string> accountIds, CancellationToken cancellationToken);
}

/// <summary>
/// The one fan-out of "these Dropbox accounts changed" to every engine watching an account (Collect's
/// channels, Export's missing-file check, later Mirror): a failing engine never keeps the others from hearing.
/// </summary>
public sealed partial class AccountChanges(IEnumerable<IAccountChangeListener> listeners, ILogger<AccountChanges> logger)
{
    /// <summary>Most accounts taken from one notification.</summary>
    public const int MaxAccounts = 1000;

    /// <summary>Tells every engine; returns the loops woken in all.</summary>
    /// <param name="accountIds">The accounts named.</param>
    /// <param name="cancellationToken">Cancels the lookups.</param>
    public async Task<int> NotifyAsync(IReadOnlyCollection<string> accountIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(accountIds);
        var accounts = accountIds.Where(a => !string.IsNullOrWhiteSpace(a)).Distinct(StringComparer.Ordinal).Take(MaxAccounts).ToList();
        if (accounts.Count == 0)
        {
            return 0;
        }
        var woken = 0;
        foreach (var listener in listeners)
        {
            try
            {
                woken += await listener.AccountsChangedAsync(accounts, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                LogListenerFailed(logger, listener.GetType().Name, e);
            }
        }
        return woken;
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Waking {Engine} for changed Dropbox accounts failed; its next scheduled look catches up")]
    private static partial void LogListenerFailed(ILogger logger, string engine, Exception exception);
}
