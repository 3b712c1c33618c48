using DocSync.Core.Companies;
using DocSync.Core.Connections;
using DocSync.Core.Documents;
using DocSync.Core.Errors;
using DocSync.Core.Export;
using DocSync.Core.Export.Paths;
using DocSync.Core.Sync;
using DocSync.Web.Security;
using DocSync.Web.Features.Shared;
using DocSync.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DocSync.Web.Features.Connections;

/// <summary>
/// One connection's export: its state, queue depth, last success and problem; its profiles with the
/// backfill's progress; a profile form with layout presets and a live preview on the company's
/// documents; the dead-letter list with "retry now"; and the sync log (CSV too).
/// </summary>
[RequireRight(Right.ManageDropboxConnections)]
public sealed class ExportModel(ConnectionService connections, ExportService export, AccountantMode accountant, SyncLoopStatus loops) : PageModel
{
    /// <summary>The company of the URL.</summary>
    [FromRoute]
    public Guid CompanyId { get; set; }

    /// <summary>The connection of the URL.</summary>
    [FromRoute]
    public Guid ConnectionId { get; set; }

    /// <summary>The profile being edited (none: a new one).</summary>
    [FromQuery(Name = "profile")]
    public Guid? EditId { get; set; }

    /// <summary>Only failures in the log.</summary>
    [FromQuery(Name = "failed")]
    public bool FailedOnly { get; set; }

    /// <summary>The log page.</summary>
    [FromQuery(Name = "page")]
    public int LogPage { get; set; } = 1;

    /// <summary>The tab asked for.</summary>
    [FromQuery(Name = "tab")]
    public string? TabQuery { get; set; }

    /// <summary>The part of the page shown: <c>profiles</c> (the default, with the profile form), <c>state</c> (what failed, retry) or <c>log</c> (the sync log, paged).</summary>
    public string Tab => TabQuery is "state" or "log" ? TabQuery : "profiles";

    /// <summary>What was just done, to say so.</summary>
    [FromQuery(Name = "done")]
    public string? Done { get; set; }

    /// <summary>The connection.</summary>
    public DropboxConnectionInfo Connection { get; private set; } = null!;

    /// <summary>Its export state.</summary>
    public ExportStatus Status { get; private set; } = null!;

    /// <summary>Its profiles.</summary>
    public IReadOnlyList<ExportProfileView> Profiles { get; private set; } = [];

    /// <summary>The question asked before removing a profile, when one is pending.</summary>
    public Confirmation? Confirm { get; private set; }

    /// <summary>The dead-letter list.</summary>
    public IReadOnlyList<SyncTaskView> DeadLetters { get; private set; } = [];

    /// <summary>What each engine's loop on this connection is doing (Export, each collection channel).</summary>
    public IReadOnlyList<SyncLoopView> Loops { get; private set; } = [];

    /// <summary>A page of the log.</summary>
    public Core.PagedResult<SyncLogView> Log { get; private set; } = null!;

    /// <summary>The profile form.</summary>
    [BindProperty]
    public ProfileForm Form { get; set; } = new();

    /// <summary>The person's other companies that can export through this connection (accountant mode).</summary>
    public IReadOnlyList<CompanyMembership> OtherCompanies { get; private set; } = [];

    /// <summary>The preview of the form's layout.</summary>
    public IReadOnlyList<ExportPreviewRow> Preview { get; private set; } = [];

    /// <summary>Why the preview could not be made.</summary>
    public string? PreviewError { get; private set; }

    /// <summary>Shows the page.</summary>
    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync();
        if (EditId is { } id && Profiles.FirstOrDefault(p => p.Profile.Id == id) is { } editing)
        {
            Form = ProfileForm.From(editing.Profile);
        }
        await PreviewAsync();
        return Page();
    }

    /// <summary>The live preview, as an HTML fragment (for the page's script).</summary>
    public async Task<IActionResult> OnGetPreviewAsync([FromQuery] ProfileForm form)
    {
        Form = form;
        await PreviewAsync();
        return Partial("_ExportPreview", this);
    }

    /// <summary>The progress, as JSON (for the page's script).</summary>
    public async Task<IActionResult> OnGetProgressAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        var status = await export.StatusAsync(ConnectionId, cancellationToken);
        var profiles = await export.ListProfilesAsync(ConnectionId, cancellationToken);
        return new JsonResult(new
        {
            queued = status.Queued,
            dead = status.Dead,
            lastSuccessAt = status.LastSuccessAt,
            problem = status.Problem,
            profiles = profiles.Select(p => new
            {
                id = p.Profile.Id,
                exported = p.Exported,
                done = p.Backfill?.Done,
                total = p.Backfill?.Total,
                percent = p.Backfill?.Percent,
                perMinute = p.Backfill is null ? (double?)null : Math.Round(p.Backfill.PerMinute),
                etaSeconds = p.Backfill?.Eta is { } eta ? (int?)Math.Ceiling(eta.TotalSeconds) : null,
                completed = p.Backfill?.CompletedAt is not null,
            }),
        });
    }

    /// <summary>Saves the profile form (a new profile, or the one being edited).</summary>
    public async Task<IActionResult> OnPostSaveAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        try
        {
            if (EditId is { } id)
            {
                await export.UpdateProfileAsync(id, Form.ToInput(), cancellationToken);
            }
            else
            {
                await export.CreateProfileAsync(ConnectionId, Form.ToInput(), cancellationToken);
            }
        }
        catch (ValidationFailedException e)
        {
            foreach (var error in e.Errors)
            {
                ModelState.AddModelError($"Form.{error.Field}", Texts.Message(error));
            }
        }
        catch (ConflictException e)
        {
            ModelState.AddModelError($"Form.{e.Field}", Texts.Message(e.Field, e.Code, e.Message));
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync();
            await PreviewAsync();
            return Page();
        }
        return Redirect($"{Here}?done=saved");
    }

    /// <summary>Removes a profile (its files stay in Dropbox).</summary>
    /// <param name="profileId">The profile.</param>
    /// <param name="confirmed">Whether the person confirmed; until then the page asks first.</param>
    public async Task<IActionResult> OnPostDeleteProfileAsync(Guid profileId, bool confirmed)
    {
        if (!confirmed)
        {
            await LoadAsync();
            if (Profiles.FirstOrDefault(p => p.Profile.Id == profileId) is not { } view)
            {
                return NotFound();
            }

            Confirm = new Confirmation(Texts.Format("export.deleteConfirm", view.Profile.Name),
                [Texts["export.deleteConfirmHint"]], "deleteprofile",
                new Dictionary<string, string> { ["profileId"] = profileId.ToString() }, Texts["export.deleteProfile"], Here);
            return Page();
        }

        await export.DeleteProfileAsync(profileId, HttpContext.RequestAborted);
        return Redirect($"{Here}?done=deleted");
    }

    /// <summary>"Retry now": one dead task, or all of them (and whatever waits for a retry).</summary>
    /// <param name="taskId">The task; none for all.</param>
    public async Task<IActionResult> OnPostRetryAsync(long? taskId)
    {
        await export.RetryAsync(ConnectionId, taskId is { } id ? [id] : null, HttpContext.RequestAborted);
        return Redirect($"{Here}?tab=state&done=retried");
    }

    /// <summary>"Put back": the profile's files deleted in Dropbox and held are written again.</summary>
    /// <param name="profileId">The profile.</param>
    public async Task<IActionResult> OnPostPutBackAsync(Guid profileId)
    {
        await export.PutBackMissingAsync(profileId, HttpContext.RequestAborted);
        return Redirect($"{Here}?done=putBack");
    }

    /// <summary>"Check Dropbox now": what is still there is checked at once, deleted files put back.</summary>
    public async Task<IActionResult> OnPostCheckAsync()
    {
        await export.CheckNowAsync(ConnectionId, HttpContext.RequestAborted);
        return Redirect($"{Here}?done=checking");
    }

    /// <summary>Accountant mode: exports the chosen companies through this connection, each in its own folder.</summary>
    /// <param name="companyIds">The companies.</param>
    public async Task<IActionResult> OnPostShareAsync(List<Guid>? companyIds)
    {
        try
        {
            await accountant.ShareAsync(User.PersonId()!.Value, ConnectionId, companyIds ?? [], HttpContext.RequestAborted);
        }
        catch (ConflictException e)
        {
            ModelState.AddModelError("companyIds", Texts.Message(e.Field, e.Code, e.Message));
            await LoadAsync();
            await PreviewAsync();
            return Page();
        }
        return Redirect($"{Here}?done=shared");
    }

    /// <summary>The whole sync log as CSV.</summary>
    public async Task<IActionResult> OnGetCsvAsync()
    {
        await connections.GetAsync(ConnectionId, HttpContext.RequestAborted); // 404 before anything is written
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename=\"docsync-sync-log-{ConnectionId:N}.csv\"";
        await export.WriteLogCsvAsync(ConnectionId, Response.Body, HttpContext.RequestAborted);
        return new EmptyResult();
    }

    /// <summary>This page's address.</summary>
    public string Here => $"/c/{CompanyId}/connections/{ConnectionId}";

    private async Task LoadAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        Connection = await connections.GetAsync(ConnectionId, cancellationToken);
        Status = await export.StatusAsync(ConnectionId, cancellationToken);
        Profiles = await export.ListProfilesAsync(ConnectionId, cancellationToken);
        DeadLetters = await export.DeadLettersAsync(ConnectionId, cancellationToken);
        Loops = await loops.ForConnectionAsync(ConnectionId, cancellationToken);
        Log = await export.LogAsync(ConnectionId, FailedOnly, Core.Paging.Clamp(LogPage), 50, cancellationToken);
        OtherCompanies = await accountant.CandidatesAsync(User.PersonId()!.Value, cancellationToken);
    }

    private async Task PreviewAsync()
    {
        try
        {
            Preview = await export.PreviewAsync(ConnectionId, Form.ToInput(), 8, HttpContext.RequestAborted);
        }
        catch (ValidationFailedException e)
        {
            PreviewError = e.Errors.FirstOrDefault()?.Message;
        }
    }

    private Texts Texts => HttpContext.RequestServices.GetRequiredService<Texts>();
}

/// <summary>The profile form's fields.</summary>
public sealed class ProfileForm
{
    /// <summary>Name.</summary>
    public string Name { get; set; } = "";

    /// <summary>Document types.</summary>
    public List<DocumentType> Types { get; set; } = [DocumentType.Invoice, DocumentType.CreditNote];

    /// <summary>Layout.</summary>
    public string PathTemplate { get; set; } = ExportPathPresets.ByYearThenType;

    /// <summary>Folder under the connection's root.</summary>
    public string? Folder { get; set; }

    /// <summary>Language of folder names.</summary>
    public string Language { get; set; } = "en";

    /// <summary>UBL along.</summary>
    public bool IncludeUbl { get; set; } = true;

    /// <summary>Attachments along.</summary>
    public bool IncludeAttachments { get; set; } = true;

    /// <summary>Deletes propagate.</summary>
    public bool DeleteInDropbox { get; set; }

    /// <summary>Exports at all.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Log retention in days.</summary>
    public int LogRetentionDays { get; set; } = 90;

    /// <summary>The service's input.</summary>
    public ExportProfileInput ToInput() => new()
    {
        Name = Name ?? "",
        DocumentTypes = Types ?? [],
        PathTemplate = PathTemplate ?? "",
        Folder = Folder ?? "",
        Language = Language,
        IncludeUbl = IncludeUbl,
        IncludeAttachments = IncludeAttachments,
        DeleteInDropbox = DeleteInDropbox,
        Enabled = Enabled,
        LogRetentionDays = LogRetentionDays,
    };

    /// <summary>The form of an existing profile.</summary>
    /// <param name="profile">The profile.</param>
    public static ProfileForm From(ExportProfile profile)
    {
        var input = ExportProfileInput.Of(profile);
        return new ProfileForm
        {
            Name = input.Name,
            Types = [.. input.DocumentTypes],
            PathTemplate = input.PathTemplate,
            Folder = input.Folder,
            Language = input.Language,
            IncludeUbl = input.IncludeUbl,
            IncludeAttachments = input.IncludeAttachments,
            DeleteInDropbox = input.DeleteInDropbox,
            Enabled = input.Enabled,
            LogRetentionDays = input.LogRetentionDays,
        };
    }
}
