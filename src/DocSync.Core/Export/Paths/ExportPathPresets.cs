namespace DocSync.Core.Export.Paths;

/// <summary>The folder layouts the UI offers ready-made; each parses with <see cref="ExportPathTemplate.Parse"/>.</summary>
public static class ExportPathPresets
{
    /// <summary>One folder per year, in it one per type: <c>2025/Invoices/F-0042 Dupont SA</c>.</summary>
    public const string ByYearThenType = "{year}/{type}/{number} {counterparty}";

    /// <summary>One folder per type, in it one per year: <c>Invoices/2025/F-0042 Dupont SA</c>.</summary>
    public const string ByTypeThenYear = "{type}/{year}/{number} {counterparty}";

    /// <summary>One folder per customer or supplier, in it one per year: <c>Dupont SA/2025/F-0042</c>.</summary>
    public const string ByCounterparty = "{counterparty}/{year}/{number}";

    /// <summary>The presets with stable keys for settings and the UI, the default (<see cref="ByYearThenType"/>) first.</summary>
    public static IReadOnlyList<(string Key, string Template)> All { get; } =
    [
        ("by-year-then-type", ByYearThenType),
        ("by-type-then-year", ByTypeThenYear),
        ("by-counterparty", ByCounterparty),
    ];
}
