using System.Globalization;
using DocSync.Core.Collect;
using DocSync.Core.Companies;
using DocSync.Core.Connections;
using DocSync.Core.Errors;
using DocSync.Core.Organizing;
using DocSync.Web.Localization;
using DocSync.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace DocSync.Web.Features.Collection;

/// <summary>
/// The channel form, new or existing: name, connection, source folder (with a folder picker that
/// works without JavaScript: its buttons post the form to the picker handler, so what was typed stays
/// and the antiforgery token never lands in an address), destination
/// person, binder, schedule, time zone and what happens to collected files.
/// </summary>
public abstract class ChannelPage(
    CollectService collect, MembershipService members, BinderService binders, IOptions<CollectOptions> options, Texts texts) : PageModel
{
    /// <summary>The collection service.</summary>
    protected CollectService Collect { get; } = collect;

    /// <summary>The company of the URL.</summary>
    [FromRoute]
    public Guid CompanyId { get; set; }

    /// <summary>The form.</summary>
    [BindProperty(SupportsGet = true)]
    public ChannelForm Form { get; set; } = new();

    /// <summary>The folder the picker shows (<c>/</c> for the top); none: the picker is closed.</summary>
    [BindProperty(SupportsGet = true, Name = "browse")]
    public string? Browse { get; set; }

    /// <summary>The folder chosen in the picker.</summary>
    [BindProperty(SupportsGet = true, Name = "pick")]
    public string? Pick { get; set; }

    /// <summary>The channel being edited (none: a new one).</summary>
    public CollectionChannelInfo? Channel { get; protected set; }

    /// <summary>The connections to choose from.</summary>
    public IReadOnlyList<DropboxConnectionInfo> Connections { get; private set; } = [];

    /// <summary>The members to choose from.</summary>
    public IReadOnlyList<MemberInfo> Members { get; private set; } = [];

    /// <summary>The binders to choose from.</summary>
    public IReadOnlyList<Binder> Binders { get; private set; } = [];

    /// <summary>The subfolders of <see cref="Browse"/>, when the picker could list them.</summary>
    public IReadOnlyList<DropboxFolderEntry>? Folders { get; private set; }

    /// <summary>Why the picker could not list <see cref="Browse"/>.</summary>
    public string? PickerError { get; private set; }

    /// <summary>The time zone a blank field means.</summary>
    public string DefaultTimeZone => options.Value.DefaultTimeZone;

    /// <summary>This page's address.</summary>
    public abstract string Here { get; }

    /// <summary>Whether the form makes a new channel.</summary>
    public abstract bool IsNew { get; }

    /// <summary>The parent of <see cref="Browse"/> (<c>/</c> for a top folder), or none at the top.</summary>
    public string? BrowseParent => Browse is null or "/" ? null : ParentOf(Browse) is { Length: > 0 } parent ? parent : "/";

    /// <summary>Shows the form: the channel's values, or those the picker carried in the query; the picker when asked.</summary>
    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync();
        if (!Request.Query.ContainsKey("Form.Name"))
        {
            Form = Channel is null ? NewForm() : ChannelForm.From(Channel);
        }

        await PickerAsync();
        return Page();
    }

    /// <summary>The folder picker's buttons: opens a folder or takes one, keeping what was typed; saves nothing.</summary>
    public async Task<IActionResult> OnPostPickerAsync()
    {
        // Half-filled fields are not refused here: only saving checks them.
        ModelState.Clear();
        await LoadAsync();
        await PickerAsync();
        return Page();
    }

    private async Task PickerAsync()
    {
        if (Pick is { Length: > 0 } pick && Form.ConnectionId is { } pickedOn)
        {
            Form.SourcePath = pick;
            Form.SourceFolderId = await FolderIdAsync(pickedOn, pick);
            Form.SourceFolderPath = pick;
        }
        else if (Browse is not null)
        {
            await BrowseAsync();
        }
    }

    /// <summary>Saves the channel; refused values are shown next to their fields.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        try
        {
            var saved = await SaveAsync(Form.ToInput(), HttpContext.RequestAborted);
            return Redirect($"/c/{CompanyId}/collection?done={(IsNew ? "created" : "saved")}#channel-{saved.Id}");
        }
        catch (ValidationFailedException failed)
        {
            foreach (var error in failed.Errors)
            {
                ModelState.AddModelError(FormField(error.Field), texts.Error(error.Field, error.Code, error.Message));
            }
        }

        await LoadAsync();
        return Page();
    }

    /// <summary>Creates or updates the channel.</summary>
    /// <param name="input">The settings.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    protected abstract Task<CollectionChannelInfo> SaveAsync(CollectionChannelInput input, CancellationToken cancellationToken);

    /// <summary>Reads the channel being edited, if any.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    protected abstract Task LoadChannelAsync(CancellationToken cancellationToken);

    /// <summary>The form field a service's field name belongs to, e.g. <c>Form.SourcePath</c> for <c>sourcePath</c>.</summary>
    /// <param name="field">The service's field.</param>
    public static string FormField(string field) =>
        string.IsNullOrEmpty(field) ? "" : "Form." + char.ToUpperInvariant(field[0]) + field[1..];

    /// <summary>An hour as the select shows it.</summary>
    /// <param name="hour">0 to 23.</param>
    public static string HourText(int hour) => hour.ToString("00", CultureInfo.InvariantCulture) + ":00";

    private async Task LoadAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        await LoadChannelAsync(cancellationToken);
        Connections = await Collect.ListConnectionsAsync(cancellationToken);
        Members = await members.ListAsync(cancellationToken);
        Binders = await binders.ListAsync(cancellationToken);
    }

    private ChannelForm NewForm() => new()
    {
        ConnectionId = Connections.Count == 1 ? Connections[0].Id : null,
        DestinationPersonId = User.PersonId(),
        BinderId = Binders.Count == 1 ? Binders[0].Id : null,
        TimeZone = DefaultTimeZone,
    };

    private async Task BrowseAsync()
    {
        if (Form.ConnectionId is not { } connectionId)
        {
            PickerError = texts["collect.picker.noConnection"];
            return;
        }

        try
        {
            Folders = await Collect.BrowseAsync(connectionId, Browse == "/" ? "" : Browse!, HttpContext.RequestAborted);
        }
        catch (ValidationFailedException)
        {
            PickerError = texts.Format("collect.picker.notFound", Browse);
        }
        catch (ConflictException)
        {
            PickerError = texts["collect.picker.notActive"];
        }
    }

    // The picker's buttons name a folder by path; its id is in its parent's listing.
    private async Task<string?> FolderIdAsync(Guid connectionId, string path)
    {
        try
        {
            var siblings = await Collect.BrowseAsync(connectionId, ParentOf(path), HttpContext.RequestAborted);
            return siblings.FirstOrDefault(f => string.Equals(f.Path, path, StringComparison.OrdinalIgnoreCase))?.Id;
        }
        catch (Exception e) when (e is ValidationFailedException or ConflictException)
        {
            return null;
        }
    }

    private static string ParentOf(string path)
    {
        var trimmed = path.TrimEnd('/');
        var slash = trimmed.LastIndexOf('/');
        return slash <= 0 ? "" : trimmed[..slash];
    }
}
