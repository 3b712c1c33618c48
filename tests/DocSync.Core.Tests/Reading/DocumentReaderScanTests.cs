using System.Globalization;
using System.Text;
using DocSync.Core.Reading;
using Xunit.Abstractions;

namespace DocSync.Core.Tests.Reading;

/// <summary>
/// Invoices rendered by DocSync, then "scanned" (rasterized by pdftoppm) and read back by real
/// tesseract: the key fields per language and form, and the accuracy over a batch.
/// </summary>
public sealed class DocumentReaderScanTests(ScanBatch batch, ITestOutputHelper output) : IClassFixture<ScanBatch>
{
    // Measured on the seed in ScanBatch with Debian 12's tesseract 5.3 and poppler 22.12: every field
    // of the text-layer PDFs, and all OCR fields but one or two supplier names (see the report this
    // prints). The floors leave room for another tesseract build, not for a regression.
    private static readonly Dictionary<string, double> Floors = new()
    {
        ["text-layer"] = 0.98,
        ["png-scan"] = 0.9,
        ["image-pdf"] = 0.9,
    };

    public static TheoryData<string, string> LanguagesAndForms()
    {
        var data = new TheoryData<string, string>();
        foreach (var language in (string[])["en", "fr", "nl"])
        {
            foreach (var form in ScanBatch.Forms)
            {
                data.Add(language, form);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(LanguagesAndForms))]
    public void ReadAsync_RenderedInvoice_FindsTheKeyFields(string language, string form)
    {
        var index = batch.First(language);
        var sample = batch.Samples[index];
        var result = batch.Result(form, index);

        result.Outcome.ShouldBe(ReadOutcome.Read, result.Problem);
        result.Method.ShouldBe(form == "text-layer" ? "text-layer" : "ocr");
        result.Pages.ShouldBe(1);
        result.Language.ShouldBe(language);
        result.Problem.ShouldBeNull();
        foreach (var field in (string[])["VatNumber", "InvoiceNumber", "InvoiceDate", "Total", "VatAmount", "Iban"])
        {
            Value(result.Fields, field).ShouldBe(sample.Expected[field], $"{field} of {sample.Name} ({form}, seed {ScanBatch.Seed})");
        }
    }

    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    [InlineData("nl")]
    public async Task ReadAsync_JpegScan_FindsTheKeyFields(string language)
    {
        var index = batch.First(language);
        var sample = batch.Samples[index];
        using var jpeg = new MemoryStream(batch.Jpegs[index]);

        var result = await batch.Reader.ReadAsync(jpeg, "photo.jpg");

        result.Outcome.ShouldBe(ReadOutcome.Read, result.Problem);
        result.Method.ShouldBe("ocr");
        foreach (var field in (string[])["VatNumber", "InvoiceNumber", "InvoiceDate", "Total", "VatAmount", "Iban"])
        {
            Value(result.Fields, field).ShouldBe(sample.Expected[field], $"{field} of {sample.Name} (JPEG, seed {ScanBatch.Seed})");
        }
    }

    [Fact]
    public void ReadAsync_Batch_AccuracyPerFormMeetsItsFloor()
    {
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture,
            $"Seed {ScanBatch.Seed}: {ScanBatch.PerLanguage} invoices per language, {SampleInvoices.Fields.Length} fields each, read in {batch.Elapsed.TotalSeconds:0.0} s");
        report.AppendLine("form         en        fr        nl        all");
        var misses = new List<string>();
        var accuracy = new Dictionary<string, double>();
        foreach (var form in ScanBatch.Forms)
        {
            report.Append(form.PadRight(12));
            int formCorrect = 0, formExpected = 0;
            foreach (var language in (string[])["en", "fr", "nl"])
            {
                int correct = 0, expected = 0;
                foreach (var (sample, index) in batch.Samples.Select((s, i) => (s, i)).Where(p => p.s.Language == language))
                {
                    var fields = batch.Result(form, index).Fields;
                    foreach (var field in SampleInvoices.Fields)
                    {
                        expected++;
                        var found = Value(fields, field);
                        if (Same(field, found, sample.Expected[field]))
                        {
                            correct++;
                        }
                        else
                        {
                            misses.Add($"{form} {sample.Name} {field}: expected '{sample.Expected[field]}', read '{found ?? "(none)"}'");
                        }
                    }
                }

                report.Append(CultureInfo.InvariantCulture, $" {correct,3}/{expected,-3}  ");
                formCorrect += correct;
                formExpected += expected;
            }

            accuracy[form] = (double)formCorrect / formExpected;
            report.AppendLine(CultureInfo.InvariantCulture, $" {formCorrect,3}/{formExpected} = {accuracy[form]:P1}");
        }

        report.AppendLine(misses.Count == 0 ? "No misses." : "Misses:");
        foreach (var miss in misses)
        {
            report.AppendLine("  " + miss);
        }

        output.WriteLine(report.ToString());
        foreach (var (form, floor) in Floors)
        {
            accuracy[form].ShouldBeGreaterThanOrEqualTo(floor, $"{form}\n{report}");
        }
    }

    private static string? Value(ExtractedFields fields, string field) =>
        (typeof(ExtractedFields).GetProperty(field)!.GetValue(fields) as ExtractedField)?.Value;

    // Names are compared without case and accents: OCR often reads "è" as "é", and that is no reason to retype a name.
    private static bool Same(string field, string? found, string expected) =>
        field == "SupplierName"
            ? found is not null && string.Equals(Fold(found), Fold(expected), StringComparison.Ordinal)
            : found == expected;

    private static string Fold(string text) => ReadText.Fold(text.Trim());
}
