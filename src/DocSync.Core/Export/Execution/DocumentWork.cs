using DocSync.Core.Export.Planning;

namespace DocSync.Core.Export.Execution;

/// <summary>A document of the round with its profile and plan.</summary>
internal sealed record DocumentWork(SyncTask Task, ExportProfile Profile, IReadOnlyList<ExportOp> Ops);
