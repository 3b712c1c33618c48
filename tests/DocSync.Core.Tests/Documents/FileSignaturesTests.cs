using DocSync.Core.Documents;

namespace DocSync.Core.Tests.Documents;

public sealed class FileSignaturesTests
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, (byte)'J', (byte)'F', (byte)'I', (byte)'F'];
    private static readonly byte[] Zip = [(byte)'P', (byte)'K', 3, 4, 20, 0, 0, 0];

    public static TheoryData<string, byte[]> Matching => new()
    {
        { "invoice.pdf", "%PDF-1.7\n"u8.ToArray() },
        { "INVOICE.PDF", "%PDF-1.4\n"u8.ToArray() },
        { "ubl.xml", "\uFEFF\r\n  <?xml version=\"1.0\"?><Invoice/>"u8.ToArray() },
        { "ubl16.xml", [0xFF, 0xFE, (byte)'<', 0, (byte)'a', 0] },
        { "data.json", " \n[1, 2]"u8.ToArray() },
        { "data.json", "\uFEFF{\"a\": 1}"u8.ToArray() },
        { "photo.png", Png },
        { "photo.jpg", Jpeg },
        { "photo.JPEG", Jpeg },
        { "anim.gif", "GIF89a\x01\0"u8.ToArray() },
        { "scan.tif", "II*\0\x08\0\0\0"u8.ToArray() },
        { "scan.tiff", "MM\0*\0\0\0\x08"u8.ToArray() },
        { "archive.zip", Zip },
        { "empty.zip", "PK\x05\x06\0\0\0\0"u8.ToArray() },
        { "letter.docx", Zip },
        { "sheet.xlsx", Zip },
        { "text.odt", Zip },
        { "notes.txt", [0x89, 0x50, 0x4E, 0x47, 0, 0xFF] },
        { "export.csv", Zip },
        { "no-extension", Png },
        { "unknown.bin", Png },
    };

    [Theory]
    [MemberData(nameof(Matching))]
    public void Mismatch_BytesFitTheExtension_ReturnsNull(string fileName, byte[] head)
    {
        FileSignatures.Mismatch(fileName, head).ShouldBeNull();
    }

    public static TheoryData<string, byte[], string> Mismatching => new()
    {
        { "invoice.pdf", Png, "The file is named .pdf but its bytes are a PNG image." },
        { "Invoice.PDF", Zip, "The file is named .pdf but its bytes are a ZIP archive (as are .docx, .xlsx and .odt files)." },
        { "ubl.xml", "%PDF-1.7"u8.ToArray(), "The file is named .xml but its bytes are a PDF document." },
        { "ubl.xml", "just words"u8.ToArray(), "The file is named .xml but its bytes are plain text." },
        { "data.json", "<html></html>"u8.ToArray(), "The file is named .json but its bytes are XML or HTML markup." },
        { "data.json", " \r\n\t "u8.ToArray(), "The file is named .json but its bytes are only white space." },
        { "photo.png", Jpeg, "The file is named .png but its bytes are a JPEG image." },
        { "photo.jpg", Png, "The file is named .jpg but its bytes are a PNG image." },
        { "photo.jpeg", "GIF87a"u8.ToArray(), "The file is named .jpeg but its bytes are a GIF image." },
        { "anim.gif", "II*\0"u8.ToArray(), "The file is named .gif but its bytes are a TIFF image." },
        { "scan.tif", "%PDF-"u8.ToArray(), "The file is named .tif but its bytes are a PDF document." },
        { "scan.tiff", "{}"u8.ToArray(), "The file is named .tiff but its bytes are JSON." },
        { "archive.zip", [0x1F, 0x8B, 8, 0], "The file is named .zip but its bytes are a gzip archive." },
        { "letter.docx", "MZ\x90\0"u8.ToArray(), "The file is named .docx but its bytes are a Windows program." },
        { "sheet.xlsx", [0x7F, (byte)'E', (byte)'L', (byte)'F', 2], "The file is named .xlsx but its bytes are a Linux program." },
        { "text.odt", [0, 1, 2, 3, 0xFE, 0xED, 0xFA, 0xCE, 9], "The file is named .odt but its bytes are of an unknown binary type (starting 00010203FEEDFACE)." },
    };

    [Theory]
    [MemberData(nameof(Mismatching))]
    public void Mismatch_BytesContradictTheExtension_NamesBoth(string fileName, byte[] head, string message)
    {
        FileSignatures.Mismatch(fileName, head).ShouldBe(message);
    }
}
