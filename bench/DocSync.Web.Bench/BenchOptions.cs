namespace DocSync.Web.Bench;

/// <summary>The command line, parsed.</summary>
internal sealed record BenchOptions(int Clients, double Seconds, double WarmupSeconds, int PdfBytes, string ServerDll);
