using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using DocSync.Dropbox.Emulator.Model;

namespace DocSync.Dropbox.Emulator.Tests.Hosting;

public sealed class HttpsTests
{
    [Fact]
    public async Task Https_TrustedThroughTheDevCa_Works()
    {
        await using var emulator = await DropboxEmulator.StartAsync(new EmulatorOptions { HttpsPort = 0 });
        var ca = X509CertificateLoader.LoadCertificate(emulator.Certificate!.Authority.RawData);
        using var handler = new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                CertificateChainPolicy = new X509ChainPolicy
                {
                    TrustMode = X509ChainTrustMode.CustomRootTrust,
                    CustomTrustStore = { ca },
                    RevocationMode = X509RevocationMode.NoCheck,
                },
            },
        };
        using var http = new HttpClient(handler) { BaseAddress = emulator.HttpsBaseUri };
        using var request = new HttpRequestMessage(HttpMethod.Post, "2/users/get_current_account");
        request.Headers.Authorization = new("Bearer", emulator.MintToken(WorldSeeder.AliceEmail));

        using var response = await http.SendAsync(request);
        using var plain = new HttpClient();
        plain.DefaultRequestHeaders.Add(DocSync.Dropbox.Emulator.Admin.AdminGuard.SecretHeader, emulator.AdminSecret);
        var pem = await plain.GetStringAsync(new Uri(emulator.BaseUri, "_emulator/ca.pem"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        emulator.HttpsBaseUri!.Scheme.ShouldBe("https");
        pem.ShouldContain("BEGIN CERTIFICATE");
    }

    [Fact]
    public async Task Https_UntrustedClient_IsRefusedByTls()
    {
        await using var emulator = await DropboxEmulator.StartAsync(new EmulatorOptions { HttpsPort = 0 });
        using var http = new HttpClient { BaseAddress = emulator.HttpsBaseUri };

        await Should.ThrowAsync<HttpRequestException>(() => http.GetAsync("/"));
    }
}
