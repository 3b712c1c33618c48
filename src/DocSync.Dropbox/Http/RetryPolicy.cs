namespace DocSync.Dropbox.Http;

/// <summary>
/// How long to wait before the next attempt: the server's Retry-After exactly when it named one,
/// else exponential backoff (base × 2^(attempt−1), capped) with jitter in [50 %, 100 %].
/// </summary>
internal sealed class RetryPolicy(DropboxClientOptions options, TimeProvider time)
{
    public int MaxAttempts => options.MaxAttempts;

    public TimeProvider Time => time;

    /// <summary>True when <paramref name="error"/> is transient and attempts remain after <paramref name="attempt"/>.</summary>
    public bool ShouldRetry(DropboxApiException error, int attempt) => error.IsTransient && attempt < options.MaxAttempts;

    public TimeSpan DelayFor(DropboxApiException error, int attempt)
    {
        if (error.RetryAfter is { } retryAfter)
        {
            return retryAfter;
        }
        var exponent = Math.Min(attempt - 1, 30);
        var ceiling = Math.Min(options.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, exponent), options.RetryMaxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(ceiling * (0.5 + (Random.Shared.NextDouble() / 2)));
    }

    public Task WaitAsync(TimeSpan delay, CancellationToken cancellationToken) =>
        delay <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(delay, time, cancellationToken);
}
