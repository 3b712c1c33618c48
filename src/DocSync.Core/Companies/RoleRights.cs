using System.Collections.Frozen;

namespace DocSync.Core.Companies;

/// <summary>The rights each <see cref="CompanyRole"/> grants.</summary>
public static class RoleRights
{
    /// <summary>Every right.</summary>
    public static IReadOnlySet<Right> All { get; } = Enum.GetValues<Right>().ToFrozenSet();

    private static readonly FrozenDictionary<CompanyRole, IReadOnlySet<Right>> Map = new Dictionary<CompanyRole, IReadOnlySet<Right>>
    {
        [CompanyRole.Owner] = All,
        [CompanyRole.Admin] = All.Where(r => r != Right.ManageCompany).ToFrozenSet(),
        [CompanyRole.Accountant] = new[]
        {
            Right.ViewDocuments, Right.EditDocuments, Right.ProcessInbox, Right.ManageBinders,
            Right.ManageFiles, Right.ConfigureCollection, Right.ViewAudit,
        }.ToFrozenSet(),
        [CompanyRole.Member] = new[]
        {
            Right.ViewDocuments, Right.EditDocuments, Right.ProcessInbox,
        }.ToFrozenSet(),
        [CompanyRole.External] = new[] { Right.ViewDocuments }.ToFrozenSet(),
    }.ToFrozenDictionary();

    /// <summary>The rights <paramref name="role"/> grants.</summary>
    /// <param name="role">The role.</param>
    public static IReadOnlySet<Right> For(CompanyRole role) =>
        Map.TryGetValue(role, out var rights) ? rights : throw new ArgumentOutOfRangeException(nameof(role), role, "Unknown role.");
}
