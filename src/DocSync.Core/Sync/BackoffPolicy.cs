namespace DocSync.Core.Sync;

/// <summary>The shape of a backoff: a first delay growing by a factor up to a ceiling, spread by jitter.</summary>
/// <param name="First">The delay after the first failure.</param>
/// <param name="Max">The longest delay.</param>
/// <param name="Factor">How much each next delay grows (at least 1).</param>
/// <param name="Jitter">How far a delay may be moved either way, as a share of it (0 to 1; 0.2 = ±20 %).</param>
public sealed record BackoffShape(TimeSpan First, TimeSpan Max, double Factor = 3, double Jitter = 0.2)
{
    /// <summary>Checks the shape; the message names <paramref name="setting"/> and what is wrong.</summary>
    /// <param name="setting">The settings' name, for the message.</param>
    /// <returns>The problems, none when the shape is good.</returns>
    public IEnumerable<string> Problems(string setting)
    {
        if (First <= TimeSpan.Zero)
        {
            yield return $"{setting}: the first retry delay must be more than zero (it is {First}).";
        }
        if (Max < First)
        {
            yield return $"{setting}: the longest retry delay ({Max}) must not be shorter than the first ({First}).";
        }
        if (Factor < 1 || double.IsNaN(Factor))
        {
            yield return $"{setting}: the growth factor must be at least 1 (it is {Factor}).";
        }
        if (Jitter is < 0 or > 1 || double.IsNaN(Jitter))
        {
            yield return $"{setting}: the jitter must be between 0 and 1 (it is {Jitter}).";
        }
    }
}

/// <summary>
/// When something that failed tries again, for every engine: the <paramref name="shape"/>'s growing
/// delays with jitter, and never sooner than Dropbox asked (its <c>Retry-After</c>). Seedable, so a
/// test or a simulation replays the same delays.
/// </summary>
/// <param name="shape">The delays.</param>
/// <param name="random">The jitter's source (a seeded one in tests); <see cref="Random.Shared"/> when <see langword="null"/>.</param>
public sealed class BackoffPolicy(BackoffShape shape, Random? random = null)
{
    private readonly Random _random = random ?? Random.Shared;
    private readonly Lock _gate = new();

    /// <summary>The shape.</summary>
    public BackoffShape Shape { get; } = shape ?? throw new ArgumentNullException(nameof(shape));

    /// <summary>The delay after the <paramref name="attempts"/>-th failure in a row.</summary>
    /// <param name="attempts">Failures so far (1 after the first).</param>
    /// <param name="retryAfter">What Dropbox's Retry-After asked for, if anything: the delay is never shorter.</param>
    public TimeSpan Delay(int attempts, TimeSpan? retryAfter = null)
    {
        double spread;
        lock (_gate)
        {
            spread = _random.NextDouble();
        }
        return Delay(Shape, attempts, retryAfter, spread);
    }

    /// <summary>The delay after the <paramref name="attempts"/>-th failure for a given jitter draw (pure: for tables and properties).</summary>
    /// <param name="shape">The delays.</param>
    /// <param name="attempts">Failures so far (1 after the first).</param>
    /// <param name="retryAfter">What Dropbox asked for, if anything.</param>
    /// <param name="spread">A number in [0, 1): 0.5 is the delay itself, 0 its lower edge, 1 its upper edge.</param>
    public static TimeSpan Delay(BackoffShape shape, int attempts, TimeSpan? retryAfter, double spread)
    {
        ArgumentNullException.ThrowIfNull(shape);
        var exponent = Math.Clamp(attempts - 1, 0, 60);
        var ticks = Math.Min(shape.First.Ticks * Math.Pow(Math.Max(1, shape.Factor), exponent), shape.Max.Ticks);
        var factor = 1 - shape.Jitter + (2 * shape.Jitter * Math.Clamp(spread, 0, 1));
        var delay = TimeSpan.FromTicks((long)Math.Min(ticks * factor, TimeSpan.MaxValue.Ticks / 2.0));
        return retryAfter is { } asked && asked > delay ? asked : delay;
    }
}
