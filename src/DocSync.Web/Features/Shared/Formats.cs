using System.Globalization;
using DocSync.Core.Documents;
using DocSync.Web.Localization;

namespace DocSync.Web.Features.Shared;

/// <summary>How the UI shows amounts, dates, sizes and enum values in the current culture.</summary>
public static class Formats
{
    /// <summary>An amount with its currency, e.g. "€ 1.234,56" in Dutch.</summary>
    /// <param name="amount">The amount.</param>
    /// <param name="currency">ISO currency code.</param>
    public static string Money(decimal amount, string currency)
    {
        var culture = Regional;
        var number = amount.ToString("N2", culture);
        return currency == "EUR" ? (culture.TwoLetterISOLanguageName == "en" ? $"€{number}" : $"{number} €") : $"{number} {currency}";
    }

    /// <summary>A date in the culture's short form.</summary>
    /// <param name="date">The date.</param>
    public static string Date(DateOnly date) => date.ToString("d", Regional);

    /// <summary>A point in time, local to the server, short form.</summary>
    /// <param name="time">The time.</param>
    public static string Time(DateTimeOffset time) => time.ToLocalTime().ToString("g", Regional);

    /// <summary>A size in B, KB or MB.</summary>
    /// <summary>A short duration such as "1 h 05 min", "3 min" or "45 s".</summary>
    /// <param name="duration">The duration.</param>
    public static string Duration(TimeSpan duration) => duration.TotalSeconds switch
    {
        < 60 => $"{Math.Max(1, (int)Math.Ceiling(duration.TotalSeconds))} s",
        < 3600 => $"{(int)Math.Ceiling(duration.TotalMinutes)} min",
        _ => $"{(int)duration.TotalHours} h {duration.Minutes:00} min",
    };

    /// <param name="bytes">The size.</param>
    public static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => (bytes / 1024.0).ToString("0.#", Regional) + " KB",
        < 1024L * 1024 * 1024 => (bytes / 1024.0 / 1024.0).ToString("0.#", Regional) + " MB",
        < 1024L * 1024 * 1024 * 1024 => (bytes / 1024.0 / 1024.0 / 1024.0).ToString("0.#", Regional) + " GB",
        _ => (bytes / 1024.0 / 1024.0 / 1024.0 / 1024.0).ToString("0.#", Regional) + " TB",
    };

    /// <summary>
    /// The UI speaks neutral languages (en, nl, fr); dates and amounts follow the region DocSync's
    /// users live in: day first, European separators.
    /// </summary>
    private static CultureInfo Regional => CultureInfo.CurrentCulture.Name switch
    {
        "en" => CultureInfo.GetCultureInfo("en-GB"),
        "nl" => CultureInfo.GetCultureInfo("nl-BE"),
        "fr" => CultureInfo.GetCultureInfo("fr-BE"),
        _ => CultureInfo.CurrentCulture,
    };

    /// <summary>The translated name of a document type.</summary>
    /// <param name="texts">The texts.</param>
    /// <param name="type">The type.</param>
    public static string Name(this Texts texts, DocumentType type) => texts[$"type.{type}"];

    /// <summary>The translated name of a status.</summary>
    /// <param name="texts">The texts.</param>
    /// <param name="status">The status.</param>
    public static string Name(this Texts texts, DocumentStatus status) => texts[$"status.{status}"];

    /// <summary>The translated name of a role.</summary>
    /// <param name="texts">The texts.</param>
    /// <param name="role">The role.</param>
    public static string Name(this Texts texts, Core.Companies.CompanyRole role) => texts[$"role.{role}"];
}
