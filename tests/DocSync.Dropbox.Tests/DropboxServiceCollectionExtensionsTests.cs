using DocSync.Dropbox.Emulator.Model;
using DocSync.Dropbox.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DocSync.Dropbox.Tests;

public sealed class DropboxServiceCollectionExtensionsTests : EmulatorTest
{
    [Fact]
    public async Task AddDropboxClient_EmulatorUris_ResolvedClientWorks()
    {
        var token = Emulator.MintToken(WorldSeeder.AliceEmail);
        var services = new ServiceCollection();
        services.AddDropboxClient(o =>
        {
            o.ApiBaseUri = o.ContentBaseUri = o.NotifyBaseUri = o.OAuthTokenBaseUri = Emulator.BaseUri;
            o.AppKey = WorldSeeder.AppKey;
        }, _ => new StaticTokenProvider(token));
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<DropboxClient>();

        (await client.GetCurrentAccountAsync()).Email.ShouldBe(WorldSeeder.AliceEmail);
        provider.GetRequiredService<DropboxOAuth>().ShouldNotBeNull();
    }

    [Fact]
    public async Task AddDropboxClient_InvalidOptions_FailsOnResolve()
    {
        var services = new ServiceCollection();
        services.AddDropboxClient(o => o.ApiBaseUri = new Uri("http://example.com/"), _ => new StaticTokenProvider("t"));
        await using var provider = services.BuildServiceProvider();

        Should.Throw<ArgumentException>(() => provider.GetRequiredService<DropboxClient>()).Message.ShouldContain("ApiBaseUri");
    }
}
