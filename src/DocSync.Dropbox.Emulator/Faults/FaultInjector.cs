namespace DocSync.Dropbox.Emulator.Faults;

/// <summary>
/// Draws faults for calls from a seeded generator: the same seed and the same sequence of calls
/// give the same faults, so a failing run can be replayed.
/// </summary>
public sealed class FaultInjector
{
    private readonly Lock _gate = new();
    private readonly List<FaultEvent> _log = [];
    private List<(FaultRule Rule, int Remaining)> _rules = [];
    private Random _random = new(1);
    private long _calls;

    public int Seed { get; private set; } = 1;

    public void Configure(int seed, IEnumerable<FaultRule> rules)
    {
        lock (_gate)
        {
            Seed = seed;
            _random = new Random(seed);
            _rules = rules.Select(r => (r, r.Count ?? -1)).ToList();
            _calls = 0;
            _log.Clear();
        }
    }

    public void Clear() => Configure(Seed, []);

    public IReadOnlyList<FaultRule> Rules
    {
        get
        {
            lock (_gate)
            {
                return _rules.Select(r => r.Rule).ToList();
            }
        }
    }

    public IReadOnlyList<FaultEvent> Log
    {
        get
        {
            lock (_gate)
            {
                return _log.ToList();
            }
        }
    }

    public FaultDecision Draw(string route)
    {
        lock (_gate)
        {
            _calls++;
            if (_rules.Count == 0)
            {
                return FaultDecision.None;
            }
            string? kind = null;
            int? retryAfter = null;
            var latency = TimeSpan.Zero;
            for (var i = 0; i < _rules.Count; i++)
            {
                var (rule, remaining) = _rules[i];
                if (!rule.Matches(route) || remaining == 0)
                {
                    continue;
                }
                // Draw for every matching rule so the sequence depends only on seed and calls.
                var roll = _random.NextDouble();
                var fires = remaining > 0 || roll < rule.Probability;
                if (!fires)
                {
                    continue;
                }
                if (remaining > 0)
                {
                    _rules[i] = (rule, remaining - 1);
                }
                if (rule.LatencyMs > 0 || rule.LatencyMaxMs > 0)
                {
                    var ms = rule.LatencyMaxMs > rule.LatencyMs ? _random.Next(rule.LatencyMs, rule.LatencyMaxMs + 1) : rule.LatencyMs;
                    latency += TimeSpan.FromMilliseconds(ms);
                }
                if (kind is null && rule.Kind != FaultKind.Latency)
                {
                    kind = rule.Kind;
                    retryAfter = rule.RetryAfterSeconds;
                    _log.Add(new FaultEvent(_calls, route, rule.Kind));
                }
            }
            return kind is null && latency == TimeSpan.Zero ? FaultDecision.None : new FaultDecision(kind, latency, retryAfter);
        }
    }
}
