namespace DocSync.Export.Bench;

/// <summary>
/// The baseline's figures: the same files one <c>files/upload</c> each, and (to tell the engine's
/// share from the client's and the emulator's) the same files through <c>UploadBatchAsync</c> alone.
/// </summary>
internal sealed record BaselineResult(UploadRun OnePerFile, UploadRun BatchAlone, int Parallelism, int FilesPerCall, IReadOnlyList<string> Problems);
