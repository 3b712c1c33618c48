using DocSync.Core.Companies;

namespace DocSync.Core.Invitations;

/// <summary>A new invitation and its link's token (shown or sent once; never stored).</summary>
/// <param name="InvitationId">The invitation.</param>
/// <param name="PersonId">The person invited.</param>
/// <param name="Token">The link's secret.</param>
/// <param name="ExpiresAt">When the link stops working.</param>
public sealed record IssuedInvitation(Guid InvitationId, Guid PersonId, string Token, DateTimeOffset ExpiresAt);

/// <summary>An invitation as the inviting company sees it: what the admin typed, never the account's own details.</summary>
/// <param name="Id">The invitation.</param>
/// <param name="Email">The address typed.</param>
/// <param name="DisplayName">The name typed.</param>
/// <param name="Role">The role offered.</param>
/// <param name="CreatedAt">When it was made.</param>
/// <param name="ExpiresAt">When the link stops working.</param>
/// <param name="Expired">Whether it has expired.</param>
public sealed record InvitationInfo(Guid Id, string Email, string DisplayName, CompanyRole Role, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, bool Expired);

/// <summary>What a link (or the signed-in person's list) leads to.</summary>
/// <param name="Id">The invitation.</param>
/// <param name="CompanyId">The inviting company.</param>
/// <param name="CompanyName">Its name.</param>
/// <param name="PersonId">The person invited.</param>
/// <param name="Email">Their account's address.</param>
/// <param name="Role">The role offered.</param>
/// <param name="ExpiresAt">When the link stops working.</param>
/// <param name="MayChoosePassword">Whether this link may set the person's first password (they have none and this company created them).</param>
public sealed record InvitationView(Guid Id, Guid CompanyId, string CompanyName, Guid PersonId, string Email, CompanyRole Role, DateTimeOffset ExpiresAt, bool MayChoosePassword);
