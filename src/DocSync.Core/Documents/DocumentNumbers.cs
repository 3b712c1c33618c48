using System.Globalization;
using System.Text.RegularExpressions;

namespace DocSync.Core.Documents;

/// <summary>
/// Document numbers: one per company and type (<see cref="Document.NumberKey"/>), and the next free
/// one to suggest for a type and year. Pure: the service reads the numbers, this decides.
/// </summary>
public static partial class DocumentNumbers
{
    /// <summary>The number used when a type has no document yet: <c>{prefix}{year}-0001</c>.</summary>
    /// <param name="type">The document type.</param>
    public static string DefaultPrefix(DocumentType type) => type switch
    {
        DocumentType.Invoice => "F",
        DocumentType.CreditNote => "CN",
        DocumentType.Quote => "O",
        DocumentType.Order => "ORD",
        DocumentType.DeliveryNote => "DN",
        DocumentType.PurchaseInvoice => "AF",
        DocumentType.Receipt => "R",
        _ => "D",
    };

    /// <summary>
    /// The next free number for <paramref name="type"/> in <paramref name="year"/>, following the
    /// company's own pattern: the highest trailing counter among that year's numbers plus one, same
    /// prefix and width (F2026-0042 → F2026-0043); with none that year, the latest earlier number
    /// with its year replaced and the counter at 1 (F2025-0310 → F2026-0001); with none at all,
    /// <see cref="DefaultPrefix"/>, the year and 0001. Never a number in <paramref name="existing"/>.
    /// </summary>
    /// <param name="type">The document type.</param>
    /// <param name="year">The year of the new document's issue date.</param>
    /// <param name="existing">The type's current numbers with their issue dates (deleted documents left out).</param>
    public static string Suggest(DocumentType type, int year, IReadOnlyCollection<(string Number, DateOnly IssueDate)> existing)
    {
        ArgumentNullException.ThrowIfNull(existing);
        var taken = existing.Select(e => e.Number).ToHashSet(StringComparer.Ordinal);
        var yearText = year.ToString("0000", CultureInfo.InvariantCulture);
        var thisYear = existing.Where(e => e.IssueDate.Year == year)
            .Select(e => Counter().Match(e.Number))
            .Where(m => m.Success)
            .OrderByDescending(m => decimal.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture))
            .ThenByDescending(m => m.Groups["n"].Value.Length)
            .FirstOrDefault();
        string prefix, suffix;
        int width;
        decimal next;
        if (thisYear is not null)
        {
            (prefix, suffix, width) = (thisYear.Groups["p"].Value, thisYear.Groups["s"].Value, thisYear.Groups["n"].Value.Length);
            next = decimal.Parse(thisYear.Groups["n"].Value, CultureInfo.InvariantCulture) + 1;
        }
        else if (existing.Where(e => e.IssueDate.Year < year).OrderByDescending(e => e.IssueDate).ThenByDescending(e => e.Number, StringComparer.Ordinal)
                     .Select(e => (e, m: Counter().Match(e.Number)))
                     .FirstOrDefault(x => x.m.Success && x.m.Groups["p"].Value.Contains(x.e.IssueDate.Year.ToString("0000", CultureInfo.InvariantCulture), StringComparison.Ordinal)) is { e.Number: not null } earlier)
        {
            var oldYear = earlier.e.IssueDate.Year.ToString("0000", CultureInfo.InvariantCulture);
            var oldPrefix = earlier.m.Groups["p"].Value;
            var at = oldPrefix.LastIndexOf(oldYear, StringComparison.Ordinal);
            prefix = string.Concat(oldPrefix.AsSpan(0, at), yearText, oldPrefix.AsSpan(at + oldYear.Length));
            (suffix, width, next) = (earlier.m.Groups["s"].Value, earlier.m.Groups["n"].Value.Length, 1);
        }
        else
        {
            (prefix, suffix, width, next) = (DefaultPrefix(type) + yearText + "-", "", 4, 1);
        }

        while (true)
        {
            var candidate = prefix + next.ToString(new string('0', Math.Max(1, width)), CultureInfo.InvariantCulture) + suffix;
            if (!taken.Contains(candidate))
            {
                return candidate;
            }

            next++;
        }
    }

    // The last run of digits is the counter: a prefix (possibly with the year), the counter, a suffix without digits.
    [GeneratedRegex(@"^(?<p>.*?)(?<n>\d{1,18})(?<s>\D*)$", RegexOptions.CultureInvariant)]
    private static partial Regex Counter();
}
