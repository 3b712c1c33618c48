namespace DocSync.Export.Bench;

/// <summary>
/// The baseline's figures: the same files one <c>files/upload</c> each, and (to tell the engine's
/// share from the client's and the emulator's) the same files through <c>UploadBatchAsync</c> alone,
/// and the floor: the same bytes in the cheapest request pattern (<see cref="FloorUpload"/>).
/// </summary>
internal sealed record BaselineResult(UploadRun OnePerFile, UploadRun BatchAlone, UploadRun Floor, int Parallelism, int FilesPerCall, IReadOnlyList<string> Problems);
