using System.Globalization;

namespace DocSync.Web.Bench;

/// <summary>One provider's figures: a row of the markdown table.</summary>
internal sealed record BenchRow(
    string Provider,
    int Clients,
    double Seconds,
    int Created,
    double Throughput,
    double P50,
    double P90,
    double P99,
    double Max,
    int Errors,
    int Lost,
    long ServerPeakRssBytes,
    double ServerCpuCores)
{
    public const string Header =
        "| provider | clients | seconds | documents created | docs/s | p50 ms | p90 ms | p99 ms | max ms | errors | lost | server peak RSS | server CPU |\n" +
        "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|";

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"| {Provider} | {Clients} | {Seconds:F1} | {Created} | {Throughput:F1} | {P50:F0} | {P90:F0} | {P99:F0} | {Max:F0} | {Errors} | {Lost} | {ServerPeakRssBytes / 1048576.0:F0} MiB | {ServerCpuCores:F2} cores |");
}
