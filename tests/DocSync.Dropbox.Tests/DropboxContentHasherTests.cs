using System.Security.Cryptography;
using DocSync.Dropbox.Emulator.Model;
using Xunit.Abstractions;

namespace DocSync.Dropbox.Tests;

public sealed class DropboxContentHasherTests(ITestOutputHelper output)
{
    private const int Block = 4 * 1024 * 1024;

    /// <summary>
    /// An independent reference written from the published algorithm: SHA-256 over the concatenated
    /// SHA-256 digests of whole 4 MiB slices, computed in one pass over the full array.
    /// </summary>
    private static string Reference(byte[] data)
    {
        var digests = new List<byte>();
        for (var start = 0; start < data.Length; start += Block)
        {
            digests.AddRange(SHA256.HashData(data.AsSpan(start, Math.Min(Block, data.Length - start))));
        }
        return Convert.ToHexStringLower(SHA256.HashData(digests.ToArray()));
    }

    public static TheoryData<int> Sizes => new() { 0, 1, Block, Block + 1, 10 * 1024 * 1024 };

    [Theory]
    [MemberData(nameof(Sizes))]
    public void HashHex_RandomData_MatchesReferenceAndEmulator(int size)
    {
        var seed = 4242 + size;
        output.WriteLine($"seed {seed}");
        var data = new byte[size];
        new Random(seed).NextBytes(data);

        var hash = DropboxContentHasher.HashHex(data);

        hash.ShouldBe(Reference(data));
        hash.ShouldBe(ContentHasher.Compute(data));
    }

    /// <summary>
    /// The same sizes against a third implementation in another language: rclone's DropboxHash
    /// (Debian's rclone package, which test.sh installs), run on the bytes written to a file.
    /// </summary>
    [Theory]
    [MemberData(nameof(Sizes))]
    public async Task HashHex_RandomData_MatchesRcloneDropboxHash(int size)
    {
        var seed = 777 + size;
        output.WriteLine($"seed {seed}");
        var data = new byte[size];
        new Random(seed).NextBytes(data);
        var file = Path.Combine(Path.GetTempPath(), $"docsync-hash-{Guid.NewGuid():N}.bin");
        await File.WriteAllBytesAsync(file, data);
        try
        {
            var start = new System.Diagnostics.ProcessStartInfo("rclone", ["hashsum", "DropboxHash", file, "--config", "/dev/null"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var rclone = System.Diagnostics.Process.Start(start)!;
            var stdout = await rclone.StandardOutput.ReadToEndAsync();
            await rclone.WaitForExitAsync();

            rclone.ExitCode.ShouldBe(0, await rclone.StandardError.ReadToEndAsync());
            DropboxContentHasher.HashHex(data).ShouldBe(stdout.Split(' ', 2)[0]);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void HashHex_Empty_IsSha256OfNothing()
    {
        DropboxContentHasher.HashHex([]).ShouldBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    [Theory]
    [InlineData(1, "1cd6ef71e6e0ff46ad2609d403dc3fee244417089aa4461245a4e4fe23a55e42")]
    [InlineData(4096, "8620913d33852befe09f16fff8fd75f77a83160d29f76f07e0276e9690903035")]
    [InlineData(4194303, "647c8627d70f7a7d13ce96b1e7710a771a55d41a62c3da490d92e56044d311fa")]
    [InlineData(4194304, "d4d63bac5b866c71620185392a8a6218ac1092454a2d16f820363b69852befa3")]
    [InlineData(4194305, "8f553da8d00d0bf509d8470e242888be33019c20c0544811f5b2b89e98360b92")]
    [InlineData(8388608, "e08b3ba1f538804075c5f939accdeaa9efc7b5c01865c94a41e78ca6550a88e7")]
    public void HashHex_PublishedVectors_Match(int count, string expected)
    {
        // rclone's vectors: the byte 'A' repeated n times, generated here rather than stored.
        var data = new byte[count];
        Array.Fill(data, (byte)'A');

        DropboxContentHasher.HashHex(data).ShouldBe(expected);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2047)]
    [InlineData(65536)]
    [InlineData(Block - 1)]
    [InlineData(Block + 7)]
    public void TransformBlock_AnyChunking_GivesTheSameHash(int chunk)
    {
        var data = new byte[Block * 2 + 3];
        new Random(7).NextBytes(data);
        using var hasher = new DropboxContentHasher();
        for (var offset = 0; offset < data.Length; offset += chunk)
        {
            var n = Math.Min(chunk, data.Length - offset);
            hasher.TransformBlock(data, offset, n, null, 0);
        }
        hasher.TransformFinalBlock([], 0, 0);

        DropboxContentHasher.ToHex(hasher.Hash!).ShouldBe(Reference(data));
    }

    [Fact]
    public void GetHashHexAndReset_ReusedHasher_StartsOver()
    {
        using var hasher = new DropboxContentHasher();
        hasher.Append([1, 2, 3]);
        hasher.GetHashHexAndReset();
        hasher.Append([9]);

        hasher.GetHashHexAndReset().ShouldBe(Reference([9]));
    }

    [Fact]
    public async Task HashHexAsync_Stream_MatchesSpanHash()
    {
        var data = new byte[Block + 100];
        new Random(11).NextBytes(data);
        using var stream = new MemoryStream(data);

        (await DropboxContentHasher.HashHexAsync(stream)).ShouldBe(Reference(data));
    }
}
