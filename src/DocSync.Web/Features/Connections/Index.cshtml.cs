using DocSync.Core.Companies;
using DocSync.Core.Connections;
using DocSync.Dropbox;
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
        if (ConnectionRules.NameError(name) is { } nameError)
        {
            ModelState.AddModelError("name", nameError);
        }

        if (ConnectionRules.RootFolderError(rootFolder) is { } rootError)
        {
            ModelState.AddModelError("rootFolder", rootError);
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
    public async Task<IActionResult> OnPostDisconnectAsync(Guid connectionId)
    {
        var cancellationToken = HttpContext.RequestAborted;
        string? note = null;
        if (!dropbox.Available)
        {
            await connections.DisconnectAsync(connectionId, texts["connections.notRevoked"], cancellationToken);
            return Redirect($"/c/{CompanyId}/connections");
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
        return Redirect($"/c/{CompanyId}/connections");
    }
}
