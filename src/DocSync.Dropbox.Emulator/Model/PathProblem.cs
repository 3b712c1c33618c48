using System.Text.Json.Nodes;

namespace DocSync.Dropbox.Emulator.Model;

/// <summary>
/// A lookup or write problem with a path (<c>not_found</c>, <c>malformed_path</c>, <c>conflict</c>…),
/// wrapped by the route into its own error union (<c>path</c>, <c>from_lookup</c>, <c>to</c>…).
/// </summary>
public sealed class PathProblem(JsonObject error) : Exception(error[".tag"]?.GetValue<string>())
{
    public JsonObject Error { get; } = error;

    public string Tag => Error[".tag"]!.GetValue<string>();

    public static PathProblem Of(string tag) => new(new JsonObject { [".tag"] = tag });

    public static PathProblem Conflict(string kind) =>
        new(new JsonObject { [".tag"] = "conflict", ["conflict"] = new JsonObject { [".tag"] = kind } });

    public static PathProblem NotFound => Of("not_found");

    public static PathProblem Malformed => Of("malformed_path");
}
