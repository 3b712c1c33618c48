using System.Globalization;
using System.Text.Json.Nodes;

namespace DocSync.Web.Tests.Infrastructure;

/// <summary>Changes one value of a JSON body at a path like <c>content.lines[0].quantity</c>, to break exactly one thing.</summary>
public static class JsonEdits
{
    /// <summary>Sets the value at <paramref name="path"/> (its parent must exist); returns the body.</summary>
    public static JsonObject Set(JsonObject body, string path, JsonNode? value)
    {
        var (parent, last) = Walk(body, path);
        if (Index(last) is var (name, index))
        {
            parent[name]!.AsArray()[index] = value;
        }
        else
        {
            parent[last] = value;
        }

        return body;
    }

    /// <summary>Removes the property at <paramref name="path"/>; returns the body.</summary>
    public static JsonObject Remove(JsonObject body, string path)
    {
        var (parent, last) = Walk(body, path);
        parent.Remove(last).ShouldBeTrue(path);
        return body;
    }

    private static (JsonObject Parent, string Last) Walk(JsonObject body, string path)
    {
        var parts = path.Split('.');
        JsonNode node = body;
        foreach (var part in parts[..^1])
        {
            node = Index(part) is var (name, index) ? node[name]![index]! : node[part]!;
        }

        return (node.AsObject(), parts[^1]);
    }

    // "lines[0]" → ("lines", 0); "number" → null.
    private static (string Name, int Index)? Index(string part)
    {
        var open = part.IndexOf('[', StringComparison.Ordinal);
        return open < 0 ? null : (part[..open], int.Parse(part[(open + 1)..^1], CultureInfo.InvariantCulture));
    }
}
