using System.Text.Json.Nodes;

namespace DocSync.Dropbox;

/// <summary>The <c>Dropbox-API-Path-Root</c> header: which namespace paths are relative to.</summary>
public sealed record PathRoot
{
    private PathRoot(string tag, string? namespaceId)
    {
        Tag = tag;
        NamespaceId = namespaceId;
    }

    /// <summary><c>home</c>, <c>root</c> or <c>namespace_id</c>.</summary>
    public string Tag { get; }

    /// <summary>The namespace for <c>root</c> and <c>namespace_id</c>.</summary>
    public string? NamespaceId { get; }

    /// <summary>The user's home namespace (Dropbox's default).</summary>
    public static PathRoot Home { get; } = new("home", null);

    /// <summary>The root namespace, checked: a changed root answers 422 <c>invalid_root</c>.</summary>
    public static PathRoot Root(string rootNamespaceId) => new("root", Check(rootNamespaceId));

    /// <summary>Any namespace the user can reach (e.g. the team space).</summary>
    public static PathRoot Namespace(string namespaceId) => new("namespace_id", Check(namespaceId));

    internal string ToHeaderValue()
    {
        var json = new JsonObject { [".tag"] = Tag };
        if (NamespaceId is not null)
        {
            json[Tag] = NamespaceId;
        }
        return json.ToJsonString();
    }

    private static string Check(string id) =>
        string.IsNullOrWhiteSpace(id) ? throw new ArgumentException("A namespace id is required.", nameof(id)) : id;
}
