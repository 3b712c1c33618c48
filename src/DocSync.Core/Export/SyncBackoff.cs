namespace DocSync.Core.Export;

/// <summary>When a failed task tries again: tripling delays with jitter, never sooner than Dropbox asked.</summary>
public static class SyncBackoff
{
    /// <summary>The delay after the <paramref name="attempts"/>-th failure.</summary>
    /// <param name="attempts">Failures so far (1 after the first).</param>
    /// <param name="retryAfter">What Dropbox's Retry-After asked for, if anything.</param>
    /// <param name="options">The settings.</param>
    /// <param name="jitter">A number in [0, 1) spreading retries apart.</param>
    public static TimeSpan Delay(int attempts, TimeSpan? retryAfter, ExportOptions options, double jitter)
    {
        ArgumentNullException.ThrowIfNull(options);
        var exponent = Math.Clamp(attempts - 1, 0, 20);
        var ticks = Math.Min(options.FirstRetryDelay.Ticks * Math.Pow(3, exponent), options.MaxRetryDelay.Ticks);
        var delay = TimeSpan.FromTicks((long)(ticks * (0.8 + (0.4 * jitter))));
        return retryAfter is { } asked && asked > delay ? asked : delay;
    }
}
