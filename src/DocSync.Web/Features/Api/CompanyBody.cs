namespace DocSync.Web.Features.Api;

/// <summary>A company as the API shows it.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Name">Its name.</param>
/// <param name="Country">ISO country code.</param>
/// <param name="VatNumber">Its VAT number.</param>
public sealed record CompanyBody(Guid Id, string Name, string Country, string? VatNumber);
