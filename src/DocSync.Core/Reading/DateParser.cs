using System.Collections.Frozen;
using System.Globalization;
using System.Text.RegularExpressions;

namespace DocSync.Core.Reading;

/// <summary>
/// Finds dates: <c>dd/mm/yyyy</c>, <c>dd-mm-yyyy</c>, <c>dd.mm.yyyy</c> (two-digit years as 20yy;
/// month first only when the day cannot be a month, as in <c>03/25/2025</c>), <c>yyyy-mm-dd</c>,
/// and month names in English, French and Dutch, full or short: <c>3 March 2025</c>,
/// <c>1er mars 2025</c>, <c>3 maart 2025</c>, <c>March 3, 2025</c>. A month name OCR garbled by one
/// letter (<c>1 Jume 2025</c>, <c>1 J une 2025</c>) still counts when it can be only one month.
/// Years from 1990 to 2099.
/// </summary>
internal static partial class DateParser
{
    private static readonly FrozenDictionary<string, int> Months = new Dictionary<string, int>
    {
        ["january"] = 1, ["february"] = 2, ["march"] = 3, ["april"] = 4, ["may"] = 5, ["june"] = 6, ["july"] = 7,
        ["august"] = 8, ["september"] = 9, ["october"] = 10, ["november"] = 11, ["december"] = 12,
        ["janvier"] = 1, ["fevrier"] = 2, ["mars"] = 3, ["avril"] = 4, ["mai"] = 5, ["juin"] = 6, ["juillet"] = 7,
        ["aout"] = 8, ["septembre"] = 9, ["octobre"] = 10, ["novembre"] = 11, ["decembre"] = 12,
        ["januari"] = 1, ["februari"] = 2, ["maart"] = 3, ["mei"] = 5, ["juni"] = 6, ["juli"] = 7, ["augustus"] = 8,
        ["oktober"] = 10,
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, int> Abbreviations = new Dictionary<string, int>
    {
        ["jan"] = 1, ["feb"] = 2, ["mar"] = 3, ["apr"] = 4, ["jun"] = 6, ["jul"] = 7, ["aug"] = 8, ["sep"] = 9,
        ["sept"] = 9, ["oct"] = 10, ["nov"] = 11, ["dec"] = 12, ["janv"] = 1, ["fevr"] = 2, ["fev"] = 2, ["avr"] = 4,
        ["juil"] = 7, ["mrt"] = 3, ["okt"] = 10,
    }.ToFrozenDictionary();

    /// <summary>The dates on a line, left to right.</summary>
    public static IReadOnlyList<FoundDate> Find(string line)
    {
        var found = new List<FoundDate>();
        foreach (Match match in Numeric().Matches(line))
        {
            var (first, second, year) = (Number(match, "first"), Number(match, "second"), Number(match, "year"));
            if (match.Groups["year"].Length == 2)
            {
                year += 2000;
            }

            // Day first, as in Europe; month first only when it cannot be otherwise.
            var date = Make(year, second, first) ?? (second > 12 ? Make(year, first, second) : null);
            Add(found, date, match);
        }

        foreach (Match match in Iso().Matches(line))
        {
            Add(found, Make(Number(match, "year"), Number(match, "month"), Number(match, "day")), match);
        }

        foreach (Match match in DayMonthYear().Matches(line))
        {
            Add(found, Month(match.Groups["month"].Value) is { } month ? Make(Number(match, "year"), month, Number(match, "day")) : null, match);
        }

        foreach (Match match in MonthDayYear().Matches(line))
        {
            Add(found, Month(match.Groups["month"].Value) is { } month ? Make(Number(match, "year"), month, Number(match, "day")) : null, match);
        }

        found.Sort((a, b) => a.Start.CompareTo(b.Start));
        return found;
    }

    /// <summary>
    /// The month a word names (1 to 12), ignoring case, accents, dots and spaces OCR put inside it;
    /// a full name one edit away (two for names of seven letters or more) when only one month is that close.
    /// </summary>
    public static int? Month(string word)
    {
        // OCR junk standing for a letter ("1) uly") counts as a wrong letter, not as none.
        var letters = string.Concat(ReadText.Fold(word).Where(c => char.IsLetter(c) || c is ')' or '(' or '|' or ']' or '[' or '!' or '/')
            .Select(c => char.IsLetter(c) ? c : '?'));
        if (Months.TryGetValue(letters, out var month) || Abbreviations.TryGetValue(letters, out month))
        {
            return month;
        }

        if (letters.Length < 4)
        {
            return null;
        }

        var close = Months
            .Select(p => (Month: p.Value, Distance: Distance(letters, p.Key), p.Key.Length))
            .Where(p => p.Distance <= (p.Length >= 7 ? 2 : 1))
            .ToList();
        if (close.Count == 0)
        {
            return null;
        }

        var best = close.Min(p => p.Distance);
        var months = close.Where(p => p.Distance == best).Select(p => p.Month).Distinct().ToList();
        return months.Count == 1 ? months[0] : null;
    }

    private static void Add(List<FoundDate> found, DateOnly? date, Match match)
    {
        if (date is { } value && !found.Any(f => f.Start < match.Index + match.Length && match.Index < f.End))
        {
            found.Add(new FoundDate(value, match.Index, match.Index + match.Length));
        }
    }

    private static DateOnly? Make(int year, int month, int day) =>
        year is >= 1990 and <= 2099 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;

    private static int Number(Match match, string group) => int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    // Levenshtein distance, for short words.
    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }

    [GeneratedRegex(@"(?<![\d/.\-])(?<first>\d{1,2})\s?(?<sep>[/.\-])\s?(?<second>\d{1,2})\s?\k<sep>\s?(?<year>\d{4}|\d{2})(?![\d/.\-]\d)(?!\d)", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex Numeric();

    [GeneratedRegex(@"(?<![\d/.\-])(?<year>\d{4})(?<sep>[/.\-])(?<month>\d{1,2})\k<sep>(?<day>\d{1,2})(?!\d)", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex Iso();

    // The month may be split or prefixed by OCR junk ("1 J une 2025", "1) uly 2025"); Month() judges the letters.
    [GeneratedRegex(@"(?<!\d)(?<day>\d{1,2})(?:st|nd|rd|th|er|e|ste|de)?\.?\s*(?<month>[)(|\]\[!/]?\s?\p{L}[\p{L}.]{0,10}(?:\s\p{L}{1,7})?)\.?,?\s+(?<year>\d{4})(?!\d)", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex DayMonthYear();

    [GeneratedRegex(@"(?<![\p{L}])(?<month>\p{L}{3,10})\.?\s+(?<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?<year>\d{4})(?!\d)", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex MonthDayYear();
}
