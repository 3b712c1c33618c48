using System.Globalization;
using System.Text.RegularExpressions;
using DocSync.Core.Companies;
using DocSync.Core.Documents;

namespace DocSync.Web.Features.Documents;

/// <summary>
/// What a new document form starts with: the next number for its type and year, and the company's own address,
/// VAT number and IBAN as its latest sale gave them. (The integrator may replace the number suggestion with the core's
/// next-number service once it exists.)
/// </summary>
public static partial class DocumentFormDefaults
{
    /// <summary>
    /// The number after the highest of <paramref name="numbers"/> written like <c>F2026-0042</c> (the type's prefix,
    /// the year, a dash, digits); the first of the year (<c>F2026-0001</c>) when there is none.
    /// </summary>
    /// <param name="type">The document type.</param>
    /// <param name="year">The issue year.</param>
    /// <param name="numbers">Numbers of that type already used.</param>
    public static string NextNumber(DocumentType type, int year, IEnumerable<string> numbers)
    {
        ArgumentNullException.ThrowIfNull(numbers);
        var prefix = string.Create(CultureInfo.InvariantCulture, $"{Prefix(type)}{year}-");
        var highest = 0;
        var width = 4;
        foreach (var number in numbers)
        {
            if (number.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
                && Digits().IsMatch(number.AsSpan(prefix.Length))
                && int.TryParse(number.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > highest)
            {
                highest = n;
                width = Math.Max(width, number.Length - prefix.Length);
            }
        }

        return prefix + (highest + 1).ToString(new string('0', width), CultureInfo.InvariantCulture);
    }

    /// <summary>Suggests the next number for <paramref name="input"/>'s type and year from the company's documents.</summary>
    /// <param name="documents">The documents of the current company.</param>
    /// <param name="input">The form; its number is set.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public static async Task SuggestNumberAsync(DocumentService documents, NewDocumentInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(input);
        var year = input.IssueDate.Year;
        var page = await documents.ListAsync(new DocumentQuery
        {
            Type = input.Type,
            IssuedFrom = new DateOnly(year, 1, 1),
            IssuedTo = new DateOnly(year, 12, 31),
            PageSize = DocumentQuery.MaxPageSize,
        }, cancellationToken);
        input.Number = NextNumber(input.Type, year, page.Items.Select(d => d.Number));
    }

    /// <summary>Fills the company's own party from its latest invoice (or, for none, its name, VAT number and country).</summary>
    /// <param name="documents">The documents of the current company.</param>
    /// <param name="company">The current company.</param>
    /// <param name="input">The form.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public static async Task FillOwnPartyAsync(DocumentService documents, Company company, NewDocumentInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(company);
        ArgumentNullException.ThrowIfNull(input);
        input.OwnName = company.Name;
        input.OwnVatNumber = company.VatNumber;
        input.OwnCountry = company.Country;
        var latest = (await documents.ListAsync(new DocumentQuery { Type = DocumentType.Invoice, PageSize = 1 }, cancellationToken)).Items.FirstOrDefault();
        if (latest is null)
        {
            return;
        }

        var seller = (await documents.GetAsync(latest.Id, cancellationToken)).Content.Seller;
        input.OwnStreet = seller.Address?.Street;
        input.OwnPostalCode = seller.Address?.PostalCode;
        input.OwnCity = seller.Address?.City;
        input.OwnCountry = seller.Address?.Country ?? company.Country;
        input.OwnIban = seller.Iban;
    }

    private static string Prefix(DocumentType type) => type switch
    {
        DocumentType.Invoice => "F",
        DocumentType.CreditNote => "CN",
        DocumentType.Quote => "O",
        DocumentType.Order => "B",
        DocumentType.DeliveryNote => "L",
        DocumentType.PurchaseInvoice => "AF",
        DocumentType.PurchaseCreditNote => "ACN",
        DocumentType.Receipt => "K",
        _ => "D",
    };

    [GeneratedRegex(@"^\d{1,9}$")]
    private static partial Regex Digits();
}
