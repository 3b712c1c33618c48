using System.Text;
using DocSync.Core.Reading;

namespace DocSync.Core.Tests.Reading;

public sealed class FileKindsTests
{
    public static TheoryData<byte[], FileKind> Signatures => new()
    {
        { "%PDF-1.7\n%\u00e2\u00e3"u8.ToArray(), FileKind.Pdf },
        { [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F'], FileKind.Jpeg },
        { [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13], FileKind.Png },
        { "II*\0\u0008\0\0\0"u8.ToArray(), FileKind.Tiff },
        { "MM\0*\0\0\0\u0008"u8.ToArray(), FileKind.Tiff },
        { "II+\0\u0008\0\0\0"u8.ToArray(), FileKind.Tiff },
        { "PK\u0003\u0004\u0014\0\0\0"u8.ToArray(), FileKind.Zip },
        { "PK\u0005\u0006\0\0\0\0"u8.ToArray(), FileKind.Zip },
        { Ftyp("heic", "mif1", "heic"), FileKind.Heic },
        { Ftyp("mif1", "mif1", "heix"), FileKind.Heic },
        { Ftyp("avif", "mif1", "miaf"), FileKind.Unknown },
        { Ftyp("isom", "isom", "mp41"), FileKind.Unknown },
        { "hello, world"u8.ToArray(), FileKind.Unknown },
        { [], FileKind.Unknown },
        { "<?xml version=\"1.0\"?><Invoice/>"u8.ToArray(), FileKind.Xml },
        { "\uFEFF\r\n  <Invoice xmlns=\"urn:x\"/>"u8.ToArray(), FileKind.Xml },
        { "<!-- e-invoice --><Invoice/>"u8.ToArray(), FileKind.Xml },
        { "< not a tag"u8.ToArray(), FileKind.Unknown },
        { "<a\0b>"u8.ToArray(), FileKind.Unknown },
    };

    [Theory]
    [MemberData(nameof(Signatures))]
    public void Detect_MagicBytes_GiveTheKind(byte[] head, FileKind expected)
    {
        FileKinds.Detect(head, "file.bin").ShouldBe(expected);
    }

    [Fact]
    public void Detect_PdfNameWithJpegBytes_IsJpeg()
    {
        FileKinds.Detect([0xFF, 0xD8, 0xFF, 0xDB, 0, 0x43], "invoice.pdf").ShouldBe(FileKind.Jpeg);
    }

    [Fact]
    public void Detect_JpegNameWithPdfBytes_IsPdf()
    {
        FileKinds.Detect("%PDF-1.4\n"u8, "photo.jpg").ShouldBe(FileKind.Pdf);
    }

    [Fact]
    public void Detect_PdfHeaderAfterLeadingJunk_IsPdf()
    {
        var head = Encoding.ASCII.GetBytes(new string(' ', 300) + "%PDF-1.4\n");

        FileKinds.Detect(head, "scan").ShouldBe(FileKind.Pdf);
    }

    [Fact]
    public void Detect_PdfHeaderBeyondTheFirstKilobyte_IsUnknown()
    {
        var head = Encoding.ASCII.GetBytes(new string(' ', 1100) + "%PDF-1.4\n");

        FileKinds.Detect(head, "scan.pdf").ShouldBe(FileKind.Unknown);
    }

    [Theory]
    [InlineData("IMG_0042.HEIC", FileKind.Heic)]
    [InlineData("photo.heif", FileKind.Heic)]
    [InlineData("photo.jpg", FileKind.Unknown)]
    public void Detect_GenericHeifBrand_UsesTheExtensionAsTieBreaker(string name, FileKind expected)
    {
        FileKinds.Detect(Ftyp("mif1", "mif1", "miaf"), name).ShouldBe(expected);
    }

    [Theory]
    [InlineData(FileKind.Pdf, "application/pdf")]
    [InlineData(FileKind.Jpeg, "image/jpeg")]
    [InlineData(FileKind.Png, "image/png")]
    [InlineData(FileKind.Tiff, "image/tiff")]
    [InlineData(FileKind.Heic, "image/heic")]
    [InlineData(FileKind.Zip, "application/zip")]
    [InlineData(FileKind.Xml, "application/xml")]
    [InlineData(FileKind.Unknown, "application/octet-stream")]
    public void ContentType_EachKind_IsItsMediaType(FileKind kind, string expected)
    {
        FileKinds.ContentType(kind).ShouldBe(expected);
    }

    // An ISO base media file's first box: size, "ftyp", major brand, minor version, compatible brands.
    private static byte[] Ftyp(string major, params string[] compatible)
    {
        var size = 16 + (4 * compatible.Length);
        var box = new List<byte> { 0, 0, 0, (byte)size };
        box.AddRange("ftyp"u8.ToArray());
        box.AddRange(Encoding.ASCII.GetBytes(major));
        box.AddRange([0, 0, 0, 0]);
        foreach (var brand in compatible)
        {
            box.AddRange(Encoding.ASCII.GetBytes(brand));
        }

        box.AddRange([0, 0, 0, 8, (byte)'m', (byte)'e', (byte)'t', (byte)'a']);
        return [.. box];
    }
}
