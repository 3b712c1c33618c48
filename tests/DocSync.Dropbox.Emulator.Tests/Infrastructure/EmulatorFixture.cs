using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DocSync.Dropbox.Emulator.Model;

namespace DocSync.Dropbox.Emulator.Tests.Infrastructure;

/// <summary>Starts an emulator per test class (on a free loopback port) and hands out raw clients.</summary>
public abstract class EmulatorFixture : IAsyncLifetime
{
    private readonly List<HttpClient> _clients = [];

    protected DropboxEmulator Emulator { get; private set; } = null!;

    protected EmulatorState State => Emulator.State;

    /// <summary>Alice's client (full-Dropbox app).</summary>
    protected ApiClient Alice { get; private set; } = null!;

    protected virtual EmulatorOptions CreateOptions() => new() { LongpollMaxWait = TimeSpan.FromSeconds(2) };

    public virtual async Task InitializeAsync()
    {
        Emulator = await DropboxEmulator.StartAsync(CreateOptions());
        Alice = ClientFor(WorldSeeder.AliceEmail);
    }

    public async Task DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }
        await Emulator.DisposeAsync();
    }

    protected HttpClient NewHttp(bool allowRedirect = true)
    {
        var handler = new HttpClientHandler { AllowAutoRedirect = allowRedirect };
        var http = new HttpClient(handler) { BaseAddress = Emulator.BaseUri, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Add(DocSync.Dropbox.Emulator.Admin.AdminGuard.SecretHeader, Emulator.AdminSecret);
        _clients.Add(http);
        return http;
    }

    protected ApiClient ClientFor(string email, string appKey = WorldSeeder.AppKey) =>
        new(NewHttp(), Emulator.MintToken(email, appKey));

    protected ApiClient Anonymous() => new(NewHttp(), null);

    protected async Task<JsonObject> AdminAsync(string path, JsonNode? body, HttpMethod? method = null)
    {
        method ??= HttpMethod.Post;
        using var request = new HttpRequestMessage(method, "_emulator/" + path)
        {
            Content = body is null && (method == HttpMethod.Get || method == HttpMethod.Delete) ? null : JsonContent.Create(body ?? new JsonObject()),
        };
        using var response = await NewHttp().SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.ShouldBeTrue(text);
        return JsonNode.Parse(text)!.AsObject();
    }
}
