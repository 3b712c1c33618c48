using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace DocSync.Web.Tests.Infrastructure;

/// <summary>
/// Valid API request bodies to start tests from, as JSON nodes (camelCase, enums as camelCase strings,
/// decimals as numbers, dates as <c>yyyy-MM-dd</c>), so a test can break exactly one thing.
/// </summary>
public static class SampleDocuments
{
    public const string SellerName = "Atelier Lumière BV";

    public const string BuyerName = "Librairie Dupont SARL";

    /// <summary>
    /// An invoice whose amounts add up: 2 × 189.00 at 21 % and 3 × 12.335 at 6 % (37.005 rounds to
    /// 37.01, its VAT 2.2206 to 2.22).
    /// </summary>
    public static JsonObject Invoice(
        string number = "F2026-0001", string type = "invoice", string issueDate = "2026-11-30",
        string seller = SellerName, string buyer = BuyerName, string? note = null)
    {
        var content = new JsonObject
        {
            ["type"] = type,
            ["number"] = number,
            ["issueDate"] = issueDate,
            ["dueDate"] = DateOnly.Parse(issueDate, CultureInfo.InvariantCulture).AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["currency"] = "EUR",
            ["seller"] = new JsonObject
            {
                ["name"] = seller,
                ["vatNumber"] = "BE 0477.472.701",
                ["iban"] = "BE68 5390 0754 7034",
                ["address"] = new JsonObject { ["street"] = "Kortrijksesteenweg 112", ["postalCode"] = "9000", ["city"] = "Gent", ["country"] = "BE" },
            },
            ["buyer"] = new JsonObject
            {
                ["name"] = buyer,
                ["vatNumber"] = "FR40303265045",
                ["address"] = new JsonObject { ["city"] = "Paris", ["country"] = "FR" },
            },
            ["lines"] = new JsonArray(
                Line("Hanglamp Lumière 40 cm", 2m, 189.00m, 21m),
                Line("Catalogue imprimé", 3m, 12.335m, 6m)),
            ["vatBreakdown"] = new JsonArray(
                new JsonObject { ["rate"] = 6m, ["taxableAmount"] = 37.01m, ["vatAmount"] = 2.22m },
                new JsonObject { ["rate"] = 21m, ["taxableAmount"] = 378.00m, ["vatAmount"] = 79.38m }),
            ["totals"] = new JsonObject { ["totalExclVat"] = 415.01m, ["totalVat"] = 81.60m, ["totalInclVat"] = 496.61m },
        };
        if (note is not null)
        {
            content["note"] = note;
        }

        return content;
    }

    /// <summary>A create or update body around <paramref name="content"/>.</summary>
    public static JsonObject Body(JsonObject content, string status = "draft", Guid? binderId = null, params JsonObject[] files)
    {
        var body = new JsonObject { ["content"] = content, ["status"] = status };
        if (binderId is { } id)
        {
            body["binderId"] = id;
        }

        if (files.Length > 0)
        {
            body["files"] = new JsonArray([.. files]);
        }

        return body;
    }

    /// <summary>A file sent inline (base64).</summary>
    public static JsonObject File(string kind, string fileName, string contentType, byte[] bytes) => new()
    {
        ["kind"] = kind,
        ["fileName"] = fileName,
        ["contentType"] = contentType,
        ["contentBase64"] = Convert.ToBase64String(bytes),
    };

    /// <summary>An inline PDF of kind pdf.</summary>
    public static JsonObject PdfFile(string fileName = "invoice.pdf", string text = "invoice") =>
        File("pdf", fileName, "application/pdf", Pdf(text));

    /// <summary>The smallest bytes DocSync takes for a PDF, carrying <paramref name="text"/> so files differ.</summary>
    public static byte[] Pdf(string text = "invoice") => Encoding.ASCII.GetBytes($"%PDF-1.7\n% {text}\n%%EOF\n");

    /// <summary>A PDF of about <paramref name="length"/> bytes.</summary>
    public static byte[] LargePdf(int length)
    {
        var bytes = new byte[length];
        Pdf("large").CopyTo(bytes, 0);
        new Random(42).NextBytes(bytes.AsSpan(32));
        return bytes;
    }

    /// <summary>The first bytes of a PNG image (signature and IHDR chunk).</summary>
    public static byte[] Png() =>
    [
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
        0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4, 0x89,
    ];

    private static JsonObject Line(string description, decimal quantity, decimal unitPrice, decimal vatRate) => new()
    {
        ["description"] = description,
        ["quantity"] = quantity,
        ["unitPrice"] = unitPrice,
        ["vatRate"] = vatRate,
    };
}
