using System.Reflection;
using System.Text.Json;
using DocSync.Core.Documents;

namespace DocSync.Core.Validation;

/// <summary>
/// The range a document's or an inbox item's dates must fall in when written: from
/// <see cref="Earliest"/> to <see cref="YearsAhead"/> years after today. A typo such as
/// <c>9999-12-31</c> or <c>0202-01-15</c> is refused by name instead of sorting a document
/// into a year nobody looks at. Every date field of <see cref="DocumentContent"/> is checked,
/// found by its type, so a date field added later is covered without being listed.
/// </summary>
public static class DocumentDates
{
    /// <summary>The earliest date accepted.</summary>
    public static readonly DateOnly Earliest = new(1900, 1, 1);

    /// <summary>How many years after today the latest date accepted lies.</summary>
    public const int YearsAhead = 10;

    private static readonly PropertyInfo[] DateProperties = typeof(DocumentContent)
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.PropertyType == typeof(DateOnly) || p.PropertyType == typeof(DateOnly?))
        .ToArray();

    /// <summary>The latest date accepted on <paramref name="today"/>.</summary>
    /// <param name="today">Today's date.</param>
    public static DateOnly Latest(DateOnly today) => today.AddYears(YearsAhead);

    /// <summary>An error naming <paramref name="field"/> if <paramref name="date"/> is outside the range; <see langword="null"/> otherwise.</summary>
    /// <param name="date">The date (none is fine).</param>
    /// <param name="field">The field's name in errors.</param>
    /// <param name="today">Today's date.</param>
    public static ValidationError? Check(DateOnly? date, string field, DateOnly today) =>
        date is { } d && (d < Earliest || d > Latest(today))
            ? new ValidationError(field, "date-out-of-range",
                $"The date is between {Earliest:yyyy-MM-dd} and {Latest(today):yyyy-MM-dd} ({YearsAhead} years from today).")
            : null;

    /// <summary>Every date of <paramref name="content"/> outside the range, each named by its field.</summary>
    /// <param name="content">The document.</param>
    /// <param name="today">Today's date.</param>
    public static IEnumerable<ValidationError> Check(DocumentContent content, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(content);
        foreach (var property in DateProperties)
        {
            if (Check((DateOnly?)property.GetValue(content), JsonNamingPolicy.CamelCase.ConvertName(property.Name), today) is { } error)
            {
                yield return error;
            }
        }
    }
}
