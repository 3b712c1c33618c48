namespace DocSync.Web.Tests.Export.Crash;

/// <summary>
/// The crash tests start and SIGKILL a child DocSync process dozens of times: they run alone, after
/// the parallel collections, so no other heavy test shares the two cores with them.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CrashCollection
{
    public const string Name = "export-crash";
}
