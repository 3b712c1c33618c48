using System.Text.Json.Nodes;
using DocSync.Dropbox.Emulator.Model;

namespace DocSync.Dropbox.Emulator.Wire;

/// <summary>Renders model objects as the Dropbox JSON structs.</summary>
public static class Renderer
{
    /// <summary>FileMetadata or FolderMetadata (with its <c>.tag</c>), paths relative to the view.</summary>
    public static JsonObject Metadata(View view, Node node) =>
        node.IsFolder ? Folder(view, node) : File(view, node.Current!, node.PathLower, node.PathDisplay);

    public static JsonObject Folder(View view, Node node) => new()
    {
        [".tag"] = "folder",
        ["name"] = node.Name,
        ["path_lower"] = view.RelativeLower(node.PathLower),
        ["path_display"] = view.RelativeDisplay(node.PathDisplay),
        ["id"] = node.Id,
    };

    public static JsonObject File(View view, FileVersion version, string absLower, string absDisplay) => new()
    {
        [".tag"] = "file",
        ["name"] = absDisplay[(absDisplay.LastIndexOf('/') + 1)..],
        ["path_lower"] = view.RelativeLower(absLower),
        ["path_display"] = view.RelativeDisplay(absDisplay),
        ["id"] = version.FileId,
        ["client_modified"] = DropboxJson.Timestamp(version.ClientModified),
        ["server_modified"] = DropboxJson.Timestamp(version.ServerModified),
        ["rev"] = version.Rev,
        ["size"] = version.Size,
        ["is_downloadable"] = true,
        ["content_hash"] = version.ContentHash,
    };

    /// <summary>A revision rendered at the path it was written to (revisions and rev: reads).</summary>
    public static JsonObject Revision(View view, FileVersion version) =>
        File(view, version, version.PathLower, version.PathDisplay);

    public static JsonObject Deleted(View view, string absLower, string absDisplay) => new()
    {
        [".tag"] = "deleted",
        ["name"] = absDisplay[(absDisplay.LastIndexOf('/') + 1)..],
        ["path_lower"] = view.RelativeLower(absLower),
        ["path_display"] = view.RelativeDisplay(absDisplay),
    };

    /// <summary>Metadata without its <c>.tag</c> (for structs typed as the subtype, e.g. FileMetadata).</summary>
    public static JsonObject Untagged(JsonObject metadata)
    {
        metadata.Remove(".tag");
        return metadata;
    }

    public static JsonObject RootInfo(EmulatorState state, Account account)
    {
        var team = state.TeamOf(account);
        if (team is null)
        {
            return new JsonObject
            {
                [".tag"] = "user",
                ["root_namespace_id"] = account.HomeNamespaceId,
                ["home_namespace_id"] = account.HomeNamespaceId,
            };
        }
        return new JsonObject
        {
            [".tag"] = "team",
            ["root_namespace_id"] = team.RootNamespaceId,
            ["home_namespace_id"] = account.HomeNamespaceId,
            ["home_path"] = state.Namespaces[account.HomeNamespaceId].PrefixDisplay,
        };
    }

    /// <summary>The fields BasicAccount and FullAccount share, in spec order.</summary>
    public static JsonObject AccountBasics(Account account) => new()
    {
        ["account_id"] = account.AccountId,
        ["name"] = Name(account),
        ["email"] = account.Email,
        ["email_verified"] = true,
        ["disabled"] = account.Disabled,
    };

    public static JsonObject Name(Account account) => new()
    {
        ["given_name"] = account.GivenName,
        ["surname"] = account.Surname,
        ["familiar_name"] = account.GivenName,
        ["display_name"] = account.DisplayName,
        ["abbreviated_name"] = $"{account.GivenName[..1]}{account.Surname[..1]}",
    };
}
