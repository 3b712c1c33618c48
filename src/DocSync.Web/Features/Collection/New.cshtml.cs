using DocSync.Core.Collect;
using DocSync.Core.Companies;
using DocSync.Core.Organizing;
using DocSync.Web.Localization;
using DocSync.Web.Security;
using Microsoft.Extensions.Options;

namespace DocSync.Web.Features.Collection;

/// <summary>A new collection channel.</summary>
[RequireRight(Right.ConfigureCollection)]
public sealed class NewModel(CollectService collect, MembershipService members, BinderService binders, IOptions<CollectOptions> options, Texts texts)
    : ChannelPage(collect, members, binders, options, texts)
{
    /// <inheritdoc />
    public override string Here => $"/c/{CompanyId}/collection/new";

    /// <inheritdoc />
    public override bool IsNew => true;

    /// <inheritdoc />
    protected override Task<CollectionChannelInfo> SaveAsync(CollectionChannelInput input, CancellationToken cancellationToken) =>
        Collect.CreateAsync(input, cancellationToken);

    /// <inheritdoc />
    protected override Task LoadChannelAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
