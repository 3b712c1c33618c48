using DocSync.Core.Access;
using DocSync.Core.Companies;
using DocSync.Core.Connections;
using DocSync.Core.Errors;
using DocSync.Dropbox;
using DocSync.Web.Localization;
using DocSync.Web.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DocSync.Web.Features.Connections;

/// <summary>
/// Where Dropbox sends the browser back. The <c>state</c> must match the encrypted cookie set when
/// linking started, and the signed-in person must be the one who started it and still hold the right;
/// only then is the code exchanged (with the PKCE verifier) and the connection stored.
/// </summary>
public sealed partial class CallbackModel(
    IDataProtectionProvider protection,
    CompanyAccess access,
    CompanyContext companyContext,
    ConnectionService connections,
    DropboxApp dropbox,
    Texts texts,
    ILogger<CallbackModel> logger) : PageModel
{
    /// <summary>Why linking failed.</summary>
    public string? Problem { get; private set; }

    /// <summary>Completes the link, or says why it cannot.</summary>
    /// <param name="code">Dropbox's authorization code.</param>
    /// <param name="state">The state sent out.</param>
    /// <param name="error">Dropbox's error (e.g. access_denied).</param>
    public async Task<IActionResult> OnGetAsync(string? code, string? state, string? error)
    {
        var pending = PendingLink.Take(HttpContext, protection);
        if (pending is null || state is null || !string.Equals(pending.State, state, StringComparison.Ordinal) || pending.PersonId != User.PersonId())
        {
            return Fail(400, texts["connections.badState"]);
        }

        if (!string.IsNullOrEmpty(error) || string.IsNullOrEmpty(code))
        {
            return Redirect($"/c/{pending.CompanyId}/connections?error=denied");
        }

        var scope = await access.ForPersonAsync(pending.PersonId, pending.CompanyId, HttpContext.RequestAborted);
        if (scope is null || !scope.Rights.Contains(Right.ManageDropboxConnections))
        {
            return Fail(403, texts["status.403.text"]);
        }

        companyContext.Enter(scope);
        try
        {
            var tokens = await dropbox.OAuth().ExchangeCodeAsync(code, pending.CodeVerifier, new Uri(pending.RedirectUri), HttpContext.RequestAborted);
            var account = await dropbox.Client(tokens.AccessToken).GetCurrentAccountAsync(HttpContext.RequestAborted);
            var linked = await connections.LinkAsync(new LinkRequest(pending.Name, pending.RootFolder, account.AccountId, account.Email, account.Name.DisplayName,
                account.Team?.Id, dropbox.AppFolder, dropbox.Emulated, tokens.RefreshToken ?? ""), HttpContext.RequestAborted);
            return Redirect($"/c/{pending.CompanyId}/connections?linked={Uri.EscapeDataString(linked.Name)}");
        }
        catch (Exception failure) when (failure is DropboxApiException or HttpRequestException or ValidationFailedException or ConflictException)
        {
            // The page shows a known text for a code; the details go to the log, never into a URL.
            LinkFailed(logger, pending.CompanyId, failure.GetType().Name, failure.Message);
            return Redirect($"/c/{pending.CompanyId}/connections?error={(failure is ConflictException ? "taken" : "failed")}");
        }
    }

    private PageResult Fail(int status, string problem)
    {
        Problem = problem;
        Response.StatusCode = status;
        return Page();
    }

    [LoggerMessage(EventId = 2804, Level = LogLevel.Warning, Message = "Linking a Dropbox account for company {CompanyId} failed: {Failure}: {Detail}")]
    private static partial void LinkFailed(ILogger logger, Guid companyId, string failure, string detail);
}
