using DocSync.Core.Collect;
using DocSync.Core.Companies;
using DocSync.Core.Connections;
using DocSync.Core.Export;
using DocSync.Dropbox;
using DocSync.Web.Features.Shared;
using DocSync.Web.Localization;
using DocSync.Web.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DocSync.Web.Features.Connections;

/// <summary>
/// The company's Dropbox connections: link one (OAuth with PKCE and a <c>state</c> bound to the
/// person), link again, pause, resume, disconnect (the grant is revoked at Dropbox).
/// </summary>
[RequireRight(Right.ManageDropboxConnections)]
public sealed class IndexModel(ConnectionService connections, ConnectionCheck check, DropboxApp dropbox, IDataProtectionProvider protection, Texts texts) : PageModel
{
    /// <summary>The company of the URL.</summary>
    [FromRoute]
    public Guid CompanyId { get; set; }

    /// <summary>The name of a connection just linked.</summary>
    [FromQuery]
    public string? Linked { get; set; }

    /// <summary>Why linking failed, from the callback: a code (<c>denied</c>, <c>failed</c>), never text from the URL.</summary>
    [FromQuery(Name = "error")]
    public string? ErrorCode { get; set; }

    /// <summary>The message for <see cref="ErrorCode"/>.</summary>
    public string? Error => ErrorCode switch
    {
        "denied" => texts["connections.denied"],
        "failed" => texts["connections.failed"],
        "taken" => texts["connections.taken"],
        _ => null,
    };

    /// <summary>What the last check found (<c>Healthy</c>, <c>NeedsRelink</c>, <c>Unreachable</c>).</summary>
    [FromQuery(Name = "checked")]
    public CheckOutcome? Checked { get; set; }

    /// <summary>The name of a connection just disconnected, to say so.</summary>
    [FromQuery(Name = "disconnected")]
    public string? Disconnected { get; set; }

    /// <summary>The question asked before disconnecting, when one is pending.</summary>
    public Confirmation? Confirm { get; private set; }

    /// <summary>The connections.</summary>
    public IReadOnlyList<DropboxConnectionInfo> Connections { get; private set; } = [];

    /// <summary>Whether accounts can be linked.</summary>
    public bool Available => dropbox.Available;

    /// <summary>Whether the embedded emulator stands in for Dropbox.</summary>
    public bool Emulated => dropbox.Emulated;

    /// <summary>Lists the connections.</summary>
    public async Task OnGetAsync() => Connections = await connections.ListAsync(HttpContext.RequestAborted);

    /// <summary>Starts linking: sends the browser to Dropbox's consent page.</summary>
    /// <param name="name">The connection's name.</param>
    /// <param name="rootFolder">The folder DocSync works under.</param>
    public async Task<IActionResult> OnPostConnectAsync(string? name, string? rootFolder)
    {
        await OnGetAsync();
        if (ConnectionRules.NameError(name) is not null)
        {
            ModelState.AddModelError("name", texts["validation.connectionName"]);
        }

        if (ConnectionRules.RootFolderError(rootFolder) is not null)
        {
            ModelState.AddModelError("rootFolder", texts["validation.rootFolder"]);
        }

        if (!ModelState.IsValid || !dropbox.Available)
        {
            return Page();
        }

        var redirect = HttpContext.RequestServices.GetRequiredService<Hosting.PublicLinks>().To("/dropbox/callback");
        await dropbox.EnsureRedirectRegisteredAsync(redirect, HttpContext.RequestAborted);
        var authorization = dropbox.OAuth().CreateAuthorizationRequest(redirect);
        new PendingLink(authorization.State, authorization.CodeVerifier, User.PersonId()!.Value, CompanyId, name!.Trim(), rootFolder ?? "", redirect.ToString())
            .Save(HttpContext, protection);
        return Redirect(authorization.Url.ToString());
    }

    /// <summary>Checks that the stored grant still works; a refusal marks the connection for re-linking.</summary>
    /// <param name="connectionId">The connection.</param>
    public async Task<IActionResult> OnPostCheckAsync(Guid connectionId)
    {
        var outcome = await check.CheckAsync(connectionId, HttpContext.RequestAborted);
        return Redirect($"/c/{CompanyId}/connections?checked={outcome}");
    }

    /// <summary>Pauses a connection.</summary>
    /// <param name="connectionId">The connection.</param>
    public async Task<IActionResult> OnPostPauseAsync(Guid connectionId)
    {
        await connections.SetPausedAsync(connectionId, paused: true, HttpContext.RequestAborted);
        return Redirect($"/c/{CompanyId}/connections");
    }

    /// <summary>Resumes a connection.</summary>
    /// <param name="connectionId">The connection.</param>
    public async Task<IActionResult> OnPostResumeAsync(Guid connectionId)
    {
        await connections.SetPausedAsync(connectionId, paused: false, HttpContext.RequestAborted);
        return Redirect($"/c/{CompanyId}/connections");
    }

    /// <summary>Revokes the grant at Dropbox, then erases it here.</summary>
    /// <param name="connectionId">The connection.</param>
    /// <param name="confirmed">Whether the person confirmed; until then the page asks first, naming what uses the connection.</param>
    /// <param name="export">The export profiles.</param>
    /// <param name="collect">The collection channels.</param>
    public async Task<IActionResult> OnPostDisconnectAsync(Guid connectionId, bool confirmed, [FromServices] ExportService export, [FromServices] CollectService collect)
    {
        ArgumentNullException.ThrowIfNull(export);
        ArgumentNullException.ThrowIfNull(collect);
        var cancellationToken = HttpContext.RequestAborted;
        await OnGetAsync();
        if (Connections.FirstOrDefault(c => c.Id == connectionId) is not { } connection)
        {
            return NotFound();
        }

        if (!confirmed)
        {
            var profiles = (await export.ListProfilesAsync(connectionId, cancellationToken)).Select(p => p.Profile.Name).ToList();
            var channels = (await collect.ListAsync(cancellationToken)).Where(c => c.ConnectionId == connectionId).Select(c => c.Name).ToList();
            var consequences = new List<string>();
            if (profiles.Count > 0)
            {
                consequences.Add(texts.Format("connections.disconnectProfiles", string.Join(", ", profiles)));
            }

            if (channels.Count > 0)
            {
                consequences.Add(texts.Format("connections.disconnectChannels", string.Join(", ", channels)));
            }

            consequences.Add(texts["connections.disconnectHint"]);
            Confirm = new Confirmation(texts.Format("connections.disconnectConfirm", connection.Name), consequences, "disconnect",
                new Dictionary<string, string> { ["connectionId"] = connectionId.ToString() }, texts["connections.disconnect"], $"/c/{CompanyId}/connections");
            return Page();
        }

        var done = $"/c/{CompanyId}/connections?disconnected={Uri.EscapeDataString(connection.Name)}";
        string? note = null;
        if (!dropbox.Available)
        {
            await connections.DisconnectAsync(connectionId, texts["connections.notRevoked"], cancellationToken);
            return Redirect(done);
        }

        try
        {
            var refreshToken = await connections.RevealRefreshTokenAsync(connectionId, cancellationToken);
            var client = await dropbox.ClientFromGrantAsync(refreshToken, cancellationToken);
            await client.RevokeTokenAsync(cancellationToken);
        }
        catch (DropboxAuthException)
        {
            // Already refused by Dropbox: nothing left to revoke there.
        }
        catch (Core.Errors.ConflictException)
        {
            // No usable grant stored: nothing to revoke.
        }
        catch (Exception error) when (error is DropboxApiException or HttpRequestException or TaskCanceledException)
        {
            note = texts["connections.notRevoked"];
        }

        await connections.DisconnectAsync(connectionId, note, cancellationToken);
        return Redirect(done);
    }
}
