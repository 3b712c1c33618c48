namespace DocSync.Bench.Common;

/// <summary>
/// Requests (and the milliseconds they took, answer included) per route, and answers per status, at
/// one moment; <c>later - earlier</c> is what happened between.
/// </summary>
public sealed record RequestCounts(IReadOnlyDictionary<string, int> Routes, IReadOnlyDictionary<int, int> Statuses, IReadOnlyDictionary<string, double> Milliseconds)
{
    public int Total => Routes.Values.Sum();

    public int Route(string route) => Routes.GetValueOrDefault(route);

    public int Status(int status) => Statuses.GetValueOrDefault(status);

    /// <summary>"files/upload_session/append_batch 10, …", busiest first.</summary>
    public string Describe() => Total == 0 ? "none" : string.Join(", ", Routes.Where(r => r.Value > 0).OrderByDescending(r => r.Value).Select(r => $"{r.Key} {r.Value}"));

    /// <summary>"files/upload_session/finish_batch_v2 2 x 1,234 ms, …": the average time of each route's requests.</summary>
    public string DescribeTimes() => string.Join(", ", Routes.Where(r => r.Value > 0).OrderByDescending(r => Milliseconds.GetValueOrDefault(r.Key))
        .Select(r => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{r.Key} {r.Value} x {Milliseconds.GetValueOrDefault(r.Key) / r.Value:N0} ms")));

    public static RequestCounts operator -(RequestCounts later, RequestCounts earlier) => new(
        later.Routes.ToDictionary(r => r.Key, r => r.Value - earlier.Routes.GetValueOrDefault(r.Key), StringComparer.Ordinal),
        later.Statuses.ToDictionary(s => s.Key, s => s.Value - earlier.Statuses.GetValueOrDefault(s.Key)),
        later.Milliseconds.ToDictionary(m => m.Key, m => m.Value - earlier.Milliseconds.GetValueOrDefault(m.Key), StringComparer.Ordinal));
}
