using DocSync.Core.Access;
using DocSync.Core.Companies;

namespace DocSync.Core.Invitations;

/// <summary>
/// A pending membership: a company asked a person (by e-mail) to join with a role. The person
/// becomes a member only by accepting: through the one-time link (which also lets a person the
/// company itself created choose their first password), or after signing in. Only a hash of the
/// link's token is kept.
/// </summary>
public sealed class Invitation : ICompanyScoped
{
    /// <summary>The invitation's id.</summary>
    public Guid Id { get; set; }

    /// <inheritdoc />
    public Guid CompanyId { get; set; }

    /// <summary>The person invited (created for the invitation when nobody had the address).</summary>
    public Guid PersonId { get; set; }

    /// <summary>The address as the inviting admin typed it.</summary>
    public required string Email { get; set; }

    /// <summary>The name as the inviting admin typed it (shown to that company until the person joins).</summary>
    public required string DisplayName { get; set; }

    /// <summary>The role the person gets on accepting.</summary>
    public CompanyRole Role { get; set; }

    /// <summary>SHA-256 of the link's token, lowercase hex.</summary>
    public required string TokenHash { get; set; }

    /// <summary>Who invited (a person or API key id; empty for the system).</summary>
    public Guid InvitedBy { get; set; }

    /// <summary>When it was made.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>After this moment the link no longer works.</summary>
    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>Where it stands.</summary>
    public InvitationStatus Status { get; set; }

    /// <summary>When it was accepted, declined or revoked.</summary>
    public DateTimeOffset? ClosedAt { get; set; }
}

/// <summary>Where an invitation stands.</summary>
public enum InvitationStatus
{
    /// <summary>Waiting for the person (until it expires).</summary>
    Pending,

    /// <summary>The person joined.</summary>
    Accepted,

    /// <summary>The person said no.</summary>
    Declined,

    /// <summary>The company withdrew it, or replaced it with a newer link.</summary>
    Revoked,
}
