namespace DocSync.Collect.Bench;

/// <summary>A file to drop: its name in the folder, kind, bytes, the document number printed on it, and its SHA-256 (lower-case hex).</summary>
internal sealed record SampleFile(string Name, SampleKind Kind, byte[] Content, string Number, string Sha256);
