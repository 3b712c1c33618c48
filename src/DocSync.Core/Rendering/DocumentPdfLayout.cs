using DocSync.Core.Documents;
using DocSync.Core.Validation;

namespace DocSync.Core.Rendering;

/// <summary>Lays one document out on A4 pages; see <see cref="DocumentPdfRenderer"/>.</summary>
internal sealed class DocumentPdfLayout(DocumentContent content, DocumentLabels labels, DocumentFormat format)
{
    private const double Left = 50;
    private const double Right = PdfPage.Width - 50;
    private const double Top = PdfPage.Height - 50;
    private const double Bottom = 64;
    private const double Body = 9;
    private const double Leading = 11.5;
    private const double Padding = 3;
    private const double HeaderHeight = 16;
    private const double ContinuationHeader = 22;
    private const double Muted = 0.4;
    private const int KeepTogether = 6;

    // The line table's columns: the description's left edge and width, then the numbers' right edges.
    private const double DescriptionLeft = Left + 4;
    private const double DescriptionWidth = 230;
    private const double QuantityRight = 330;
    private const double UnitPriceRight = 415;
    private const double RateRight = 455;
    private const double AmountRight = Right - 4;

    // The summary (VAT breakdown and totals) fills the right half.
    private const double SummaryLeft = 300;
    private const double BreakdownRateRight = 365;
    private const double BreakdownTaxableRight = 460;

    private readonly List<PdfPage> _pages = [];
    private PdfPage _page = null!;
    private double _y;

    private string Caption => $"{labels.Title(content.Type)} {content.Number}";

    public IReadOnlyList<PdfPage> Build()
    {
        NewPage();
        DocumentHeader();
        Parties();
        LineTable();
        Summary();
        Note();
        Footers();
        return _pages;
    }

    private void NewPage()
    {
        _page = new PdfPage();
        _pages.Add(_page);
        _y = Top;
        if (_pages.Count > 1)
        {
            _page.Text(Left, _y - 9, PdfFont.HelveticaBold, 10, Shorten(Caption, PdfFont.HelveticaBold, 10, Right - Left));
            _y -= ContinuationHeader;
        }
    }

    private void Room(double height, bool table = false)
    {
        if (_y - height < Bottom)
        {
            NewPage();
            if (table)
            {
                TableHeader();
            }
        }
    }

    private void DocumentHeader()
    {
        _page.Text(Left, _y - 18, PdfFont.HelveticaBold, 20, Shorten(labels.Title(content.Type), PdfFont.HelveticaBold, 20, Right - Left));
        _y -= 36;
        MetaRow(labels.Number, content.Number);
        MetaRow(labels.IssueDate, format.Date(content.IssueDate));
        if (content.DueDate is { } due)
        {
            MetaRow(labels.DueDate, format.Date(due));
        }

        _y -= 14;
    }

    private void MetaRow(string label, string value)
    {
        _page.Text(Left, _y - Body, PdfFont.Helvetica, Body, WinAnsiEncoding.GetBytes(label), Muted);
        _page.Text(Left + 80, _y - Body, PdfFont.HelveticaBold, Body, Shorten(value, PdfFont.HelveticaBold, Body, Right - Left - 80));
        _y -= 13;
    }

    private void Parties()
    {
        var seller = PartyBlock(Left, 230, labels.Seller, content.Seller);
        var buyer = content.Buyer is null ? _y : PartyBlock(SummaryLeft + 10, Right - SummaryLeft - 10, labels.Buyer, content.Buyer);
        _y = Math.Min(seller, buyer) - 18;
    }

    // Draws a party from the current height; returns the height below it. Every field is capped to
    // a few lines, so no party, however long its texts, pushes the lines off the first page.
    private double PartyBlock(double x, double width, string caption, Party? party)
    {
        var y = _y;
        _page.Text(x, y - 8, PdfFont.HelveticaBold, 8, WinAnsiEncoding.GetBytes(caption.ToUpperInvariant()), Muted);
        y -= 14;
        if (party is null)
        {
            return y;
        }

        foreach (var line in TextLayout.WrapAtMost(party.Name, PdfFont.HelveticaBold, 10, width, 3))
        {
            _page.Text(x, y - 10, PdfFont.HelveticaBold, 10, line);
            y -= 12.5;
        }

        var address = party.Address;
        var place = string.Join(' ', new[] { address?.PostalCode, address?.City }.Where(s => !string.IsNullOrWhiteSpace(s)));
        var fields = new (string? Text, int Lines)[]
        {
            (address?.Street, 2),
            (place, 2),
            (string.IsNullOrWhiteSpace(address?.Country) ? null : labels.Country(address.Country.Trim().ToUpperInvariant()), 1),
            (string.IsNullOrWhiteSpace(party.VatNumber) ? null : $"{labels.Vat} {party.VatNumber}", 1),
            (string.IsNullOrWhiteSpace(party.Iban) ? null : $"IBAN {party.Iban}", 1),
        };
        foreach (var (text, lines) in fields.Where(f => !string.IsNullOrWhiteSpace(f.Text)))
        {
            foreach (var line in TextLayout.WrapAtMost(text, PdfFont.Helvetica, Body, width, lines))
            {
                _page.Text(x, y - Body, PdfFont.Helvetica, Body, line);
                y -= Leading;
            }
        }

        return y;
    }

    private void TableHeader()
    {
        _page.FillRectangle(Left, _y - HeaderHeight, Right - Left, HeaderHeight, 0.92);
        var baseline = _y - 11;
        _page.Text(DescriptionLeft, baseline, PdfFont.HelveticaBold, 8.5, WinAnsiEncoding.GetBytes(labels.Description));
        _page.TextRight(QuantityRight, baseline, PdfFont.HelveticaBold, 8.5, WinAnsiEncoding.GetBytes(labels.Quantity));
        _page.TextRight(UnitPriceRight, baseline, PdfFont.HelveticaBold, 8.5, WinAnsiEncoding.GetBytes(labels.UnitPrice));
        _page.TextRight(RateRight, baseline, PdfFont.HelveticaBold, 8.5, WinAnsiEncoding.GetBytes(labels.Vat));
        _page.TextRight(AmountRight, baseline, PdfFont.HelveticaBold, 8.5, WinAnsiEncoding.GetBytes(labels.Amount));
        _y -= HeaderHeight + 2;
    }

    private void LineTable()
    {
        if (content.Lines is not { Count: > 0 } lines)
        {
            return;
        }

        Room(HeaderHeight + 2 + Leading + (2 * Padding));
        TableHeader();
        foreach (var line in lines)
        {
            var text = TextLayout.Wrap(line?.Description, PdfFont.Helvetica, Body, DescriptionWidth);
            var first = true;
            for (var done = 0; done < text.Count;)
            {
                var fits = (int)Math.Floor((_y - Bottom - (2 * Padding)) / Leading);
                var rest = text.Count - done;

                // A short row is kept together on the next page; a longer one is split where the page ends.
                if (fits < 1 || (first && fits < rest && rest <= KeepTogether))
                {
                    NewPage();
                    TableHeader();
                    continue;
                }

                var take = Math.Min(fits, rest);
                var baseline = _y - Padding - 8;
                for (var i = 0; i < take; i++)
                {
                    _page.Text(DescriptionLeft, baseline - (i * Leading), PdfFont.Helvetica, Body, text[done + i]);
                }

                if (first && line is not null)
                {
                    Figure(QuantityRight, baseline, format.Quantity(line.Quantity), 40);
                    Figure(UnitPriceRight, baseline, format.UnitPrice(line.UnitPrice), 80);
                    Figure(RateRight, baseline, format.Rate(line.VatRate), 35);
                    Figure(AmountRight, baseline, format.Money(DocumentCalculator.LineNet(line)), 80);
                }

                _y -= (take * Leading) + (2 * Padding);
                _page.Line(Left, _y, Right, _y, 0.3, 0.8);
                done += take;
                first = false;
            }
        }
    }

    private void Summary()
    {
        _y -= 12;
        if (content.VatBreakdown is { Count: > 0 } breakdown)
        {
            Room(HeaderHeight + 2 + Leading + 4);
            _page.FillRectangle(SummaryLeft, _y - HeaderHeight, Right - SummaryLeft, HeaderHeight, 0.92);
            var baseline = _y - 11;
            _page.TextRight(BreakdownRateRight, baseline, PdfFont.HelveticaBold, 8.5, WinAnsiEncoding.GetBytes(labels.VatRate));
            _page.TextRight(BreakdownTaxableRight, baseline, PdfFont.HelveticaBold, 8.5, WinAnsiEncoding.GetBytes(labels.TaxableAmount));
            _page.TextRight(AmountRight, baseline, PdfFont.HelveticaBold, 8.5, WinAnsiEncoding.GetBytes(labels.Vat));
            _y -= HeaderHeight + 2;
            foreach (var row in breakdown.Where(r => r is not null))
            {
                Room(Leading + 2);
                baseline = _y - Padding - 8;
                Figure(BreakdownRateRight, baseline, format.Rate(row.Rate), BreakdownRateRight - SummaryLeft - 4);
                Figure(BreakdownTaxableRight, baseline, format.Money(row.TaxableAmount), 90);
                Figure(AmountRight, baseline, format.Money(row.VatAmount), 76);
                _y -= Leading + 2;
            }

            _y -= 8;
        }

        if (content.Totals is not { } totals)
        {
            return;
        }

        Room(52);
        TotalRow(labels.TotalExclVat, totals.TotalExclVat, PdfFont.Helvetica, Body);
        TotalRow(labels.Vat, totals.TotalVat, PdfFont.Helvetica, Body);
        _page.Line(SummaryLeft + 4, _y - 2, Right, _y - 2, 0.8);
        _y -= 4;
        TotalRow(labels.TotalInclVat, totals.TotalInclVat, PdfFont.HelveticaBold, 10.5);
    }

    private void TotalRow(string label, decimal amount, PdfFont font, double size)
    {
        var baseline = _y - Padding - size + 1;
        _page.Text(SummaryLeft + 4, baseline, font, size, WinAnsiEncoding.GetBytes(label));
        Figure(AmountRight, baseline, format.Money(amount), 120, font, size);
        _y -= size + 6;
    }

    private void Note()
    {
        if (string.IsNullOrWhiteSpace(content.Note))
        {
            return;
        }

        _y -= 18;
        var lines = TextLayout.Wrap(content.Note, PdfFont.Helvetica, Body, Right - Left);
        Room(Math.Min(lines.Count, KeepTogether) * Leading);
        foreach (var line in lines)
        {
            Room(Leading);
            _page.Text(Left, _y - Body, PdfFont.Helvetica, Body, line);
            _y -= Leading;
        }
    }

    private void Footers()
    {
        for (var i = 0; i < _pages.Count; i++)
        {
            var page = _pages[i];
            page.Line(Left, 48, Right, 48, 0.3, 0.8);
            page.Text(Left, 36, PdfFont.Helvetica, 8, Shorten(Caption, PdfFont.Helvetica, 8, 320), Muted);
            page.TextRight(Right, 36, PdfFont.Helvetica, 8, WinAnsiEncoding.GetBytes($"{labels.Page} {i + 1} / {_pages.Count}"), Muted);
        }
    }

    // A right-aligned figure, in a smaller size when it is wider than its column.
    private void Figure(double right, double baseline, string text, double width, PdfFont font = PdfFont.Helvetica, double size = Body)
    {
        var bytes = WinAnsiEncoding.GetBytes(text);
        var natural = HelveticaMetrics.Measure(bytes, font, size);
        _page.TextRight(right, baseline, font, natural > width ? Math.Max(5, size * width / natural) : size, bytes);
    }

    private static byte[] Shorten(string text, PdfFont font, double size, double width) =>
        TextLayout.Shorten(WinAnsiEncoding.GetBytes(text), font, size, width);
}
