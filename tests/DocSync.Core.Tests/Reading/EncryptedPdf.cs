using System.Security.Cryptography;
using System.Text;

namespace DocSync.Core.Tests.Reading;

/// <summary>
/// Writes a one-page text PDF encrypted with the standard security handler, revision 2 (RC4, 40-bit
/// key; ISO 32000-1 §7.6.3 algorithms 2, 3 and 4), as old scanners and accounting packages still do:
/// no qpdf needed.
/// </summary>
public static class EncryptedPdf
{
    private static readonly byte[] Padding =
    [
        0x28, 0xBF, 0x4E, 0x5E, 0x4E, 0x75, 0x8A, 0x41, 0x64, 0x00, 0x4E, 0x56, 0xFF, 0xFA, 0x01, 0x08,
        0x2E, 0x2E, 0x00, 0xB6, 0xD0, 0x68, 0x3E, 0x80, 0x2F, 0x0C, 0xA9, 0xFE, 0x64, 0x53, 0x69, 0x7A,
    ];

    /// <summary>The PDF; with an empty <paramref name="userPassword"/> anyone may open it (only the owner's rights are protected).</summary>
    public static byte[] Write(string userPassword, string ownerPassword, params string[] lines)
    {
        const int permissions = -44;
        var id = MD5.HashData(Encoding.ASCII.GetBytes(userPassword + ownerPassword + string.Join('\n', lines)));

        // Algorithm 3: the owner entry is the padded user password under a key from the owner password.
        var owner = Rc4(MD5.HashData(Pad(ownerPassword))[..5], Pad(userPassword));

        // Algorithm 2: the file key, from the user password, the owner entry, the permissions and the file id.
        var key = MD5.HashData([.. Pad(userPassword), .. owner, .. BitConverter.GetBytes(permissions), .. id])[..5];

        // Algorithm 4: the user entry is the padding under the file key.
        var user = Rc4(key, Padding);

        // The content stream is object 4, encrypted under its own key.
        var content = ImagePdf.Text(lines);
        var objectKey = MD5.HashData([.. key, 4, 0, 0, 0, 0])[..10];
        var objects = new List<byte[]>
        {
            Encoding.ASCII.GetBytes("<< /Type /Catalog /Pages 2 0 R >>"),
            Encoding.ASCII.GetBytes("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
            Encoding.ASCII.GetBytes("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>"),
            ImagePdf.Stream($"<< /Length {content.Length} >>", Rc4(objectKey, content)),
            Encoding.ASCII.GetBytes("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"),
            Encoding.ASCII.GetBytes($"<< /Filter /Standard /V 1 /R 2 /O <{Convert.ToHexString(owner)}> /U <{Convert.ToHexString(user)}> /P {permissions} >>"),
        };
        var hex = Convert.ToHexString(id);
        return ImagePdf.Assemble(objects, $"/Encrypt 6 0 R /ID [<{hex}> <{hex}>] ");
    }

    private static byte[] Pad(string password)
    {
        var bytes = Encoding.Latin1.GetBytes(password);
        return [.. bytes.Take(32), .. Padding.Take(32 - Math.Min(32, bytes.Length))];
    }

    private static byte[] Rc4(byte[] key, byte[] data)
    {
        var s = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();
        for (int i = 0, j = 0; i < 256; i++)
        {
            j = (j + s[i] + key[i % key.Length]) & 0xFF;
            (s[i], s[j]) = (s[j], s[i]);
        }

        var output = new byte[data.Length];
        for (int n = 0, i = 0, j = 0; n < data.Length; n++)
        {
            i = (i + 1) & 0xFF;
            j = (j + s[i]) & 0xFF;
            (s[i], s[j]) = (s[j], s[i]);
            output[n] = (byte)(data[n] ^ s[(s[i] + s[j]) & 0xFF]);
        }

        return output;
    }
}
