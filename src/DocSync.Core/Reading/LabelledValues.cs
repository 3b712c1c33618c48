namespace DocSync.Core.Reading;

/// <summary>
/// The values that follow labels: on the same line up to the next label; on the next line with
/// text when the label stands alone on its line; and, for a line of labels only (a table header),
/// on the line below in the same order.
/// </summary>
internal sealed class LabelledValues
{
    private const double StrongLabel = 0.65;
    private const double GenericLabel = 0.55;
    private const double TableLabel = 0.5;
    private const double Title = 0.4;

    public List<Candidate<string>> InvoiceNumbers { get; } = [];

    public List<Candidate<DateOnly>> InvoiceDates { get; } = [];

    public List<Candidate<DateOnly>> DueDates { get; } = [];

    public List<Candidate<FoundAmount>> Totals { get; } = [];

    public List<Candidate<FoundAmount>> Nets { get; } = [];

    public List<Candidate<FoundAmount>> VatAmounts { get; } = [];

    public static LabelledValues Find(ExtractionText text)
    {
        var values = new LabelledValues();
        for (var line = 0; line < text.Count; line++)
        {
            var hits = text.Labels(line);
            if (IsTableHeader(text, line, hits) && text.NextNonEmpty(line, 2) is var below and >= 0 && text.Labels(below).Count == 0)
            {
                values.ReadRow(text, hits, below);
                continue;
            }

            for (var k = 0; k < hits.Count; k++)
            {
                var hit = hits[k];
                var end = k + 1 < hits.Count ? hits[k + 1].Start : text.Lines[line].Length;
                var confidence = hit.Strong ? StrongLabel : GenericLabel;
                if (values.Read(text, hit.Kind, line, hit.End, end, confidence, hit.Strong, atStart: false))
                {
                    continue;
                }

                // A label alone at the end of its line: the value is on the next line with text, at its start.
                var alone = text.Masked[line][hit.End..end].Trim(' ', ':', '.', '#', '-').Length == 0 && k == hits.Count - 1;
                if (alone && text.NextNonEmpty(line, 2) is var next and >= 0 && text.Labels(next) is var nextHits
                    && (nextHits.Count == 0 || nextHits[0].Start > text.Lines[next].Length - text.Lines[next].TrimStart().Length + 1))
                {
                    values.Read(text, hit.Kind, next, 0, nextHits.Count == 0 ? text.Lines[next].Length : nextHits[0].Start, confidence - 0.05, hit.Strong, atStart: true);
                }
            }

            // "Invoice F2025-0001", "Factuur 2025/17": a title followed by what may be the number.
            if (FieldLabels.TitleEnd(text, line) is var titleEnd and >= 0 && InvoiceNumberParser.Read(text.Raw[line], titleEnd) is { } titled
                && !hits.Any(h => h.Kind == LabelKind.InvoiceNumber))
            {
                values.InvoiceNumbers.Add(new Candidate<string>(titled.Value, Title, line, false));
            }
        }

        return values;
    }

    // A line of two labels or more with nothing else on it.
    private static bool IsTableHeader(ExtractionText text, int line, IReadOnlyList<LabelHit> hits)
    {
        if (hits.Count(h => h.Kind != LabelKind.Other) < 2)
        {
            return false;
        }

        var rest = text.Masked[line].ToCharArray();
        foreach (var hit in hits)
        {
            Array.Fill(rest, ' ', hit.Start, hit.End - hit.Start);
        }

        return new string(rest).Trim(' ', ':', '.', '#', '-', '(', ')', '€').Length == 0;
    }

    private void ReadRow(ExtractionText text, IReadOnlyList<LabelHit> hits, int row)
    {
        var position = 0;
        foreach (var hit in hits)
        {
            if (hit.Kind == LabelKind.Other)
            {
                continue;
            }

            var end = FindNext(text, hit.Kind, row, position);
            if (end < 0)
            {
                return;
            }

            position = end;
        }

        int FindNext(ExtractionText t, LabelKind kind, int line, int from)
        {
            var masked = t.Masked[line];
            switch (kind)
            {
                case LabelKind.InvoiceNumber:
                    var number = NextToken(t.Raw[line], from);
                    if (number is { } n)
                    {
                        InvoiceNumbers.Add(new Candidate<string>(n.Value, TableLabel, line, true));
                        return n.End;
                    }

                    return -1;
                case LabelKind.InvoiceDate or LabelKind.DueDate:
                    var date = DateParser.Find(masked[from..]).FirstOrDefault();
                    if (date is null)
                    {
                        return -1;
                    }

                    (kind == LabelKind.DueDate ? DueDates : InvoiceDates).Add(new Candidate<DateOnly>(date.Value, TableLabel, line, true));
                    return from + date.End;
                default:
                    var amount = AmountParser.Find(masked[from..]).FirstOrDefault();
                    if (amount is null)
                    {
                        return -1;
                    }

                    AmountsOf(kind)?.Add(new Candidate<FoundAmount>(amount with { Start = from + amount.Start, End = from + amount.End }, TableLabel, line, true));
                    return from + amount.End;
            }
        }
    }

    // The first token with a digit at or after a position.
    private static (string Value, int End)? NextToken(string line, int from)
    {
        for (var start = from; start < line.Length; start++)
        {
            if (char.IsWhiteSpace(line[start]) || (start > 0 && !char.IsWhiteSpace(line[start - 1])))
            {
                continue;
            }

            if (InvoiceNumberParser.Read(line, start) is { } number)
            {
                return number;
            }
        }

        return null;
    }

    // Reads a value of the label's kind between two positions; whether one was found.
    private bool Read(ExtractionText text, LabelKind kind, int line, int start, int end, double confidence, bool strong, bool atStart)
    {
        var region = text.Masked[line][start..end];
        var lead = atStart ? region.Length - region.TrimStart().Length : 0;
        switch (kind)
        {
            case LabelKind.InvoiceNumber:
                if (InvoiceNumberParser.Read(text.Raw[line][start..end]) is { } number)
                {
                    InvoiceNumbers.Add(new Candidate<string>(number.Value, confidence, line, strong));
                    return true;
                }

                return false;
            case LabelKind.InvoiceDate or LabelKind.DueDate:
                var date = DateParser.Find(region).FirstOrDefault(d => !atStart || d.Start <= lead + 1);
                if (date is null)
                {
                    return false;
                }

                (kind == LabelKind.DueDate ? DueDates : InvoiceDates).Add(new Candidate<DateOnly>(date.Value, confidence + 0.15, line, strong));
                return true;
            case LabelKind.Total or LabelKind.Net or LabelKind.VatAmount:
                // The last amount before the next label: "VAT 21% on 1,000.00 210.00" is 210.00.
                var amounts = AmountParser.Find(region);
                var amount = atStart ? amounts.FirstOrDefault(a => a.Start <= lead + 1) : amounts.LastOrDefault();
                if (amount is null)
                {
                    return false;
                }

                AmountsOf(kind)!.Add(new Candidate<FoundAmount>(amount with { Start = start + amount.Start, End = start + amount.End }, confidence, line, strong));
                return true;
            default:
                return false;
        }
    }

    private List<Candidate<FoundAmount>>? AmountsOf(LabelKind kind) => kind switch
    {
        LabelKind.Total => Totals,
        LabelKind.Net => Nets,
        LabelKind.VatAmount => VatAmounts,
        _ => null,
    };
}
