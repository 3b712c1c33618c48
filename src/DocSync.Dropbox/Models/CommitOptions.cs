using System.Text.Json.Nodes;
using DocSync.Dropbox.Json;

namespace DocSync.Dropbox;

/// <summary>How an upload is committed (Dropbox's <c>CommitInfo</c> minus the path).</summary>
public sealed record CommitOptions
{
    /// <summary>Default options: add, no autorename.</summary>
    public static CommitOptions Default { get; } = new();

    /// <summary>What to do when something is at the path. Default <see cref="WriteMode.Add"/>.</summary>
    public WriteMode Mode { get; init; } = WriteMode.Add;

    /// <summary>Pick a free name on conflict. Default false.</summary>
    public bool Autorename { get; init; }

    /// <summary>The modification time to record (whole seconds, UTC). Default null (now).</summary>
    public DateTimeOffset? ClientModified { get; init; }

    /// <summary>Do not notify the user's devices. Default false.</summary>
    public bool Mute { get; init; }

    /// <summary>Conflict even when the content is identical or the file was deleted. Default false.</summary>
    public bool StrictConflict { get; init; }

    internal JsonObject ToJson(string path)
    {
        var json = new JsonObject { ["path"] = path, ["mode"] = Mode.ToJson(), ["autorename"] = Autorename, ["mute"] = Mute };
        if (ClientModified is { } modified)
        {
            json["client_modified"] = DropboxJson.Timestamp(modified);
        }
        if (StrictConflict)
        {
            json["strict_conflict"] = true;
        }
        return json;
    }
}
