using DocSync.Core.ApiKeys;
using DocSync.Core.Companies;
using DocSync.Web.Features.Shared;
using DocSync.Web.Localization;
using DocSync.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DocSync.Web.Features.ApiKeys;

/// <summary>The company's API keys: create (the secret is shown once, stored hashed), list, revoke.</summary>
[RequireRight(Right.ManageApiKeys)]
public sealed class IndexModel(ApiKeyService keys, Texts texts) : PageModel
{
    /// <summary>The company of the URL.</summary>
    [FromRoute]
    public Guid CompanyId { get; set; }

    /// <summary>The keys.</summary>
    public IReadOnlyList<ApiKeyInfo> Keys { get; private set; } = [];

    /// <summary>The key just made (its secret is in no other page, ever).</summary>
    public CreatedApiKey? Created { get; private set; }

    /// <summary>The question asked before revoking, when one is pending.</summary>
    public Confirmation? Confirm { get; private set; }

    /// <summary>The name of a key just revoked, to say so.</summary>
    [FromQuery(Name = "revoked")]
    public string? Revoked { get; set; }

    /// <summary>Lists the keys.</summary>
    public async Task OnGetAsync() => Keys = await keys.ListAsync(HttpContext.RequestAborted);

    /// <summary>Creates a key and shows its secret once.</summary>
    /// <param name="name">What the key is for.</param>
    /// <param name="access">Read-only or read-write.</param>
    public async Task<IActionResult> OnPostCreateAsync(string? name, ApiKeyAccess access)
    {
        // Listed first so a refused name shows the page with the keys still there.
        await OnGetAsync();
        Created = await keys.CreateAsync(name ?? "", access, HttpContext.RequestAborted);
        // The page shows a secret: never cache it.
        Response.Headers.CacheControl = "no-store";
        await OnGetAsync();
        return Page();
    }

    /// <summary>Revokes a key; it stops working at once.</summary>
    /// <param name="keyId">The key.</param>
    /// <param name="confirmed">Whether the person confirmed; until then the page asks first.</param>
    public async Task<IActionResult> OnPostRevokeAsync(Guid keyId, bool confirmed)
    {
        await OnGetAsync();
        if (Keys.FirstOrDefault(k => k.Id == keyId) is not { } key)
        {
            return NotFound();
        }

        if (!confirmed)
        {
            Confirm = new Confirmation(texts.Format("apiKeys.revokeConfirm", key.Name), [texts["apiKeys.revokeHint"]], "revoke",
                new Dictionary<string, string> { ["keyId"] = key.Id.ToString() }, texts["apiKeys.revoke"], $"/c/{CompanyId}/api-keys");
            return Page();
        }

        await keys.RevokeAsync(keyId, HttpContext.RequestAborted);
        return Redirect($"/c/{CompanyId}/api-keys?revoked={Uri.EscapeDataString(key.Name)}");
    }
}
