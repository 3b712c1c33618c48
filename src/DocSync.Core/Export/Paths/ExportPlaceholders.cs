using System.Collections.Frozen;
using System.Globalization;
using DocSync.Core.Documents;

namespace DocSync.Core.Export.Paths;

/// <summary>The placeholders a folder layout may use and the raw text each stands for.</summary>
internal static class ExportPlaceholders
{
    /// <summary>The placeholder every file name needs, so two documents never share a name by design.</summary>
    public const string Number = "number";

    private static readonly (string Name, Func<ExportPathValues, string?> Value)[] Table =
    [
        ("company", v => v.Company),
        ("year", v => v.IssueDate.ToString("yyyy", CultureInfo.InvariantCulture)),
        ("month", v => v.IssueDate.ToString("MM", CultureInfo.InvariantCulture)),
        ("quarter", v => "Q" + (((v.IssueDate.Month - 1) / 3) + 1).ToString(CultureInfo.InvariantCulture)),
        ("date", v => v.IssueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        ("type", v => v.TypeLabel),
        (Number, v => v.Number),
        ("counterparty", Counterparty),
        ("seller", v => v.Seller),
        ("buyer", v => v.Buyer),
        ("status", v => string.IsNullOrWhiteSpace(v.StatusLabel) ? v.Status.ToString() : v.StatusLabel),
    ];

    private static readonly FrozenDictionary<string, Func<ExportPathValues, string?>> Values =
        Table.ToFrozenDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);

    /// <summary>The names, without braces, in the order the UI lists them.</summary>
    public static IReadOnlyList<string> Names { get; } = Array.AsReadOnly(Table.Select(p => p.Name).ToArray());

    /// <summary>Whether <paramref name="name"/> (lower case, no braces) is a placeholder.</summary>
    public static bool IsKnown(string name) => Values.ContainsKey(name);

    /// <summary>The raw, unsanitised text of placeholder <paramref name="name"/>; empty when the value is missing.</summary>
    public static string ValueOf(string name, ExportPathValues values) => Values[name](values) ?? "";

    // The other party of the document, falling back to the party on the other side of the sale
    // from the company's point of view: the supplier (seller) of what the company bought, the
    // customer (buyer) of what it sold. Empty only for a sales document without a buyer.
    private static string? Counterparty(ExportPathValues v)
    {
        if (!string.IsNullOrWhiteSpace(v.Counterparty))
        {
            return v.Counterparty;
        }

        return v.Type.IsPurchase() ? v.Seller : v.Buyer;
    }
}
