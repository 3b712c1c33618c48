using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using DocSync.Core.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace DocSync.Web.Tests.Hosting;

[Collection(WebCollection.Name)]
public sealed class KeyRingTests(Databases databases)
{
    [Fact]
    public async Task KeyRing_WithCertificate_StoredEncrypted()
    {
        var folder = databases.NewFolder();
        var pfx = Path.Combine(folder, "keys.pfx");
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=DocSync key ring", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pfx, "pfx-password"));
        }

        var keys = Path.Combine(folder, "keys");
        await using var app = await DocSyncApp.StartAsync(databases, DatabaseProvider.Sqlite, new Dictionary<string, string?>
        {
            ["DocSync:Web:KeysPath"] = keys,
            ["DocSync:Web:KeysCertificatePath"] = pfx,
            ["DocSync:Web:KeysCertificatePassword"] = "pfx-password",
        });
        var protector = app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test");

        protector.Unprotect(protector.Protect("refresh-token")).ShouldBe("refresh-token");

        var xml = await File.ReadAllTextAsync(Directory.GetFiles(keys, "key-*.xml").ShouldHaveSingleItem());
        xml.ShouldContain("<encryptedSecret");
        xml.ShouldNotContain("<masterKey");
    }

    [Fact]
    public async Task KeyRing_WithoutCertificate_PersistedWhereConfigured()
    {
        var keys = Path.Combine(databases.NewFolder(), "keys");
        await using var app = await DocSyncApp.StartAsync(databases, DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["DocSync:Web:KeysPath"] = keys });
        var protector = app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test");

        var sealedText = protector.Protect("refresh-token");

        Directory.GetFiles(keys, "key-*.xml").ShouldHaveSingleItem();
        sealedText.ShouldNotContain("refresh-token");
    }
}
