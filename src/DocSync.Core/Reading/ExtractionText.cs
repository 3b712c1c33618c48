namespace DocSync.Core.Reading;

/// <summary>A document's text prepared for <see cref="FieldExtractor"/>: lines as read, with numbers fixed, folded, and masked.</summary>
internal sealed class ExtractionText
{
    private readonly IReadOnlyList<LabelHit>?[] _labels;
    private readonly IReadOnlyList<FoundAmount>?[] _amounts;

    public ExtractionText(string text)
    {
        Raw = ReadText.Clean(text).Split('\n');
        Lines = [.. Raw.Select(OcrDigits.FixNumbers)];
        Folded = [.. Lines.Select(ReadText.Fold)];
        Masked = [.. Lines];
        _labels = new IReadOnlyList<LabelHit>?[Lines.Length];
        _amounts = new IReadOnlyList<FoundAmount>?[Lines.Length];
    }

    /// <summary>The lines as read (for values such as invoice numbers, which may hold letters that look like digits).</summary>
    public string[] Raw { get; }

    /// <summary>The lines with OCR look-alikes in numbers fixed.</summary>
    public string[] Lines { get; }

    /// <summary><see cref="Lines"/> folded for matching labels; same positions.</summary>
    public string[] Folded { get; }

    /// <summary><see cref="Lines"/> with VAT numbers and IBANs blanked out, so they are not read as amounts or dates.</summary>
    public string[] Masked { get; }

    public int Count => Lines.Length;

    /// <summary>Blanks <paramref name="length"/> characters of line <paramref name="line"/> from <paramref name="start"/> in <see cref="Masked"/>.</summary>
    public void Mask(int line, int start, int length)
    {
        var chars = Masked[line].ToCharArray();
        for (var i = start; i < Math.Min(chars.Length, start + length); i++)
        {
            chars[i] = ' ';
        }

        Masked[line] = new string(chars);
        _amounts[line] = null;
    }

    /// <summary>The labels on a line (see <see cref="FieldLabels.Find"/>), found once.</summary>
    public IReadOnlyList<LabelHit> Labels(int line) => _labels[line] ??= FieldLabels.Find(this, line);

    /// <summary>The amounts on a line of <see cref="Masked"/>, found once (again after the line is masked).</summary>
    public IReadOnlyList<FoundAmount> Amounts(int line) => _amounts[line] ??= AmountParser.Find(Masked[line]);

    /// <summary>The index of the next line after <paramref name="line"/> with text, within <paramref name="within"/> lines; -1 for none.</summary>
    public int NextNonEmpty(int line, int within = 3)
    {
        for (var i = line + 1; i < Count && i <= line + within; i++)
        {
            if (!string.IsNullOrWhiteSpace(Lines[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
