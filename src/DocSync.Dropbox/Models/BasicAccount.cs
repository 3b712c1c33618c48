namespace DocSync.Dropbox;

/// <summary>Another account, as <c>users/get_account</c> shows it.</summary>
public sealed record BasicAccount
{
    /// <summary>The account id.</summary>
    public string AccountId { get; init; } = "";

    /// <summary>Names.</summary>
    public AccountName Name { get; init; } = new();

    /// <summary>Email address.</summary>
    public string Email { get; init; } = "";

    /// <summary>Whether the email is verified.</summary>
    public bool EmailVerified { get; init; }

    /// <summary>Whether the account is disabled.</summary>
    public bool Disabled { get; init; }

    /// <summary>Whether the account is on the caller's team.</summary>
    public bool IsTeammate { get; init; }

    /// <summary>The member id, for teammates.</summary>
    public string? TeamMemberId { get; init; }
}
