namespace DocSync.Web.Features.Account;

/// <summary>The first-run form.</summary>
public sealed class SetupInput
{
    /// <summary>The owner's name.</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>The owner's e-mail (their sign-in name).</summary>
    public string Email { get; set; } = "";

    /// <summary>The owner's password (10 characters or more).</summary>
    public string Password { get; set; } = "";

    /// <summary>The first company's name.</summary>
    public string CompanyName { get; set; } = "";

    /// <summary>Its country.</summary>
    public string Country { get; set; } = "BE";

    /// <summary>Its VAT number.</summary>
    public string? VatNumber { get; set; }

    /// <summary>Whether to add a demo company with sample documents.</summary>
    public bool Demo { get; set; }
}
