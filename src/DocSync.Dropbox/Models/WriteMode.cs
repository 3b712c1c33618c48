using System.Text.Json.Nodes;

namespace DocSync.Dropbox;

/// <summary>What a write does when something is already at the path.</summary>
public sealed record WriteMode
{
    private WriteMode(string tag, string? rev)
    {
        Tag = tag;
        Rev = rev;
    }

    /// <summary><c>add</c>, <c>overwrite</c> or <c>update</c>.</summary>
    public string Tag { get; }

    /// <summary>The expected current revision, for <c>update</c>.</summary>
    public string? Rev { get; }

    /// <summary>Never overwrite: a different file there is a conflict (or autorenamed).</summary>
    public static WriteMode Add { get; } = new("add", null);

    /// <summary>Replace whatever file is there.</summary>
    public static WriteMode Overwrite { get; } = new("overwrite", null);

    /// <summary>Replace only revision <paramref name="rev"/>: the idempotent, race-free write.</summary>
    public static WriteMode Update(string rev) =>
        new("update", string.IsNullOrWhiteSpace(rev) ? throw new ArgumentException("WriteMode.Update needs a rev.", nameof(rev)) : rev);

    internal JsonNode ToJson()
    {
        var json = new JsonObject { [".tag"] = Tag };
        if (Rev is not null)
        {
            json["update"] = Rev;
        }
        return json;
    }
}
