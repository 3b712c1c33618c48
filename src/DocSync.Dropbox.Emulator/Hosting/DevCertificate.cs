using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace DocSync.Dropbox.Emulator.Hosting;

/// <summary>
/// A development certificate authority and a localhost certificate it signs, so official SDKs
/// (which insist on https) can be told to trust the CA and talk to the emulator.
/// </summary>
public sealed class DevCertificate : IDisposable
{
    private DevCertificate(X509Certificate2 authority, X509Certificate2 server)
    {
        Authority = authority;
        Server = server;
    }

    /// <summary>The CA certificate (public part) clients should trust.</summary>
    public X509Certificate2 Authority { get; }

    /// <summary>The server certificate with its private key.</summary>
    public X509Certificate2 Server { get; }

    /// <summary>PEM of <see cref="Authority"/>, for NODE_EXTRA_CA_CERTS, Python's ca_certs and the like.</summary>
    public string AuthorityPem => Authority.ExportCertificatePem();

    /// <summary>Loads the pair from <paramref name="directory"/> if present, else creates and (if a directory is given) saves it.</summary>
    public static DevCertificate LoadOrCreate(string? directory)
    {
        if (directory is not null)
        {
            var caPath = Path.Combine(directory, "emulator-ca.pem");
            var serverPath = Path.Combine(directory, "emulator-server.pfx");
            if (File.Exists(caPath) && File.Exists(serverPath))
            {
                var authority = X509Certificate2.CreateFromPem(File.ReadAllText(caPath));
                var server = X509CertificateLoader.LoadPkcs12FromFile(serverPath, null, X509KeyStorageFlags.Exportable);
                if (server.NotAfter > DateTime.UtcNow.AddDays(1))
                {
                    return new DevCertificate(authority, server);
                }
            }
        }
        var created = Create();
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
            File.WriteAllText(Path.Combine(directory, "emulator-ca.pem"), created.AuthorityPem);
            File.WriteAllBytes(Path.Combine(directory, "emulator-server.pfx"), created.Server.Export(X509ContentType.Pkcs12));
        }
        return created;
    }

    /// <summary>Wraps a certificate the operator supplies (its issuer is then theirs to trust).</summary>
    public static DevCertificate FromFile(string path, string? password)
    {
        var server = X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.Exportable);
        return new DevCertificate(X509CertificateLoader.LoadCertificate(server.RawData), server);
    }

    public static DevCertificate Create()
    {
        var now = DateTimeOffset.UtcNow.AddMinutes(-5);
        using var caKey = RSA.Create(2048);
        var caRequest = new CertificateRequest("CN=DocSync Dropbox Emulator Dev CA", caKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        caRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, false));
        using var authority = caRequest.CreateSelfSigned(now, now.AddYears(5));

        using var serverKey = RSA.Create(2048);
        var serverRequest = new CertificateRequest("CN=localhost", serverKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName("localhost");
        san.AddIpAddress(IPAddress.Loopback);
        san.AddIpAddress(IPAddress.IPv6Loopback);
        serverRequest.CertificateExtensions.Add(san.Build());
        serverRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        serverRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        serverRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        serverRequest.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(authority, includeKeyIdentifier: true, includeIssuerAndSerial: false));
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        using var signed = serverRequest.Create(authority, now, now.AddYears(2), serial);
        using var withKey = signed.CopyWithPrivateKey(serverKey);
        // Round-trip through PKCS#12 so the key is usable by the TLS stack on every platform.
        var server = X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null, X509KeyStorageFlags.Exportable);
        return new DevCertificate(X509CertificateLoader.LoadCertificate(authority.RawData), server);
    }

    public void Dispose()
    {
        Authority.Dispose();
        Server.Dispose();
    }
}
