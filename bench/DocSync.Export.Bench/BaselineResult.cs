namespace DocSync.Export.Bench;

/// <summary>The baseline's figures: the same files, one <c>files/upload</c> each.</summary>
internal sealed record BaselineResult(int Files, TimeSpan Wall, RequestCounts Requests, int Parallelism, IReadOnlyList<string> Problems);
