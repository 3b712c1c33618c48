namespace DocSync.Export.Bench;

/// <summary>Requests per route and answers per status at one moment; <c>later - earlier</c> is what happened between.</summary>
internal sealed record RequestCounts(IReadOnlyDictionary<string, int> Routes, IReadOnlyDictionary<int, int> Statuses)
{
    public int Total => Routes.Values.Sum();

    public int Route(string route) => Routes.GetValueOrDefault(route);

    public int Status(int status) => Statuses.GetValueOrDefault(status);

    /// <summary>"files/upload_session/append_batch 10, …", busiest first.</summary>
    public string Describe() => Total == 0 ? "none" : string.Join(", ", Routes.Where(r => r.Value > 0).OrderByDescending(r => r.Value).Select(r => $"{r.Key} {r.Value}"));

    public static RequestCounts operator -(RequestCounts later, RequestCounts earlier) => new(
        later.Routes.ToDictionary(r => r.Key, r => r.Value - earlier.Routes.GetValueOrDefault(r.Key), StringComparer.Ordinal),
        later.Statuses.ToDictionary(s => s.Key, s => s.Value - earlier.Statuses.GetValueOrDefault(s.Key)));
}
