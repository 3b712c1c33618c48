using DocSync.Core.Collect;
using DocSync.Core.Companies;
using DocSync.Core.Organizing;
using DocSync.Web.Localization;
using DocSync.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace DocSync.Web.Features.Collection;

/// <summary>An existing collection channel: its settings, and deleting it (after a confirmation).</summary>
[RequireRight(Right.ConfigureCollection)]
public sealed class EditModel(CollectService collect, MembershipService members, BinderService binders, IOptions<CollectOptions> options, Texts texts)
    : ChannelPage(collect, members, binders, options, texts)
{
    /// <summary>The channel of the URL.</summary>
    [FromRoute]
    public Guid ChannelId { get; set; }

    /// <summary>Whether the page asks to confirm the deletion.</summary>
    [FromQuery(Name = "confirm")]
    public string? Confirm { get; set; }

    /// <inheritdoc />
    public override string Here => $"/c/{CompanyId}/collection/{ChannelId}";

    /// <inheritdoc />
    public override bool IsNew => false;

    /// <summary>Deletes the channel with its history; the inbox items it made stay.</summary>
    public async Task<IActionResult> OnPostDeleteAsync()
    {
        await Collect.DeleteAsync(ChannelId, HttpContext.RequestAborted);
        return Redirect($"/c/{CompanyId}/collection?done=deleted");
    }

    /// <inheritdoc />
    protected override Task<CollectionChannelInfo> SaveAsync(CollectionChannelInput input, CancellationToken cancellationToken) =>
        Collect.UpdateAsync(ChannelId, input, cancellationToken);

    /// <inheritdoc />
    protected override async Task LoadChannelAsync(CancellationToken cancellationToken) =>
        Channel = await Collect.GetAsync(ChannelId, cancellationToken);
}
