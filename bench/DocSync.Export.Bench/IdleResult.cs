namespace DocSync.Export.Bench;

/// <summary>The idle figures: what the worker costs when nothing changes.</summary>
internal sealed record IdleResult(int ExportedDocuments, TimeSpan Wall, double Cycles, Tally Spent, IReadOnlyList<(string Statement, int Count)> Statements)
{
    public double RequestsPerCycle => Spent.Requests.Total / Cycles;

    public double CpuMsPerCycle => Spent.Cpu.TotalMilliseconds / Cycles;

    public double CommandsPerCycle => Spent.Commands / Cycles;
}
