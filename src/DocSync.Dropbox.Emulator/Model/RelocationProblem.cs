using System.Text.Json.Nodes;

namespace DocSync.Dropbox.Emulator.Model;

/// <summary>A move or copy failure: a RelocationError tag, optionally wrapping a lookup or write problem.</summary>
public sealed class RelocationProblem(string tag, PathProblem? inner = null) : Exception(tag)
{
    public string Tag { get; } = tag;

    public JsonObject ToJson() => inner is null
        ? new JsonObject { [".tag"] = Tag }
        : new JsonObject { [".tag"] = Tag, [Tag] = inner.Error.DeepClone() };
}
