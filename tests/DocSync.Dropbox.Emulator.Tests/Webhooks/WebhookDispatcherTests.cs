using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using DocSync.Dropbox.Emulator.Model;
using DocSync.Dropbox.Emulator.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace DocSync.Dropbox.Emulator.Tests.Webhooks;

public sealed class WebhookDispatcherTests : EmulatorFixture
{
    private sealed record Received(string Body, string? Signature, string? UserAgent);

    private static async Task<(WebApplication App, string Url, ConcurrentQueue<Received> Calls)> StartReceiverAsync(bool echoChallenge = true, int failFirst = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var calls = new ConcurrentQueue<Received>();
        var failures = failFirst;
        app.MapGet("/hook", (HttpContext http) =>
            Results.Text(echoChallenge ? http.Request.Query["challenge"].ToString() : "nope", "text/plain"));
        app.MapPost("/hook", async (HttpContext http) =>
        {
            using var reader = new StreamReader(http.Request.Body);
            var body = await reader.ReadToEndAsync();
            if (Interlocked.Decrement(ref failures) >= 0)
            {
                return Results.StatusCode(500);
            }
            calls.Enqueue(new Received(body, http.Request.Headers["X-Dropbox-Signature"], http.Request.Headers.UserAgent));
            return Results.Ok();
        });
        await app.StartAsync();
        return (app, $"http://127.0.0.1:{port}/hook", calls);
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(100);
        }
        condition().ShouldBeTrue();
    }

    [Fact]
    public async Task Change_SendsSignedNotificationListingTheAccount()
    {
        var (app, url, calls) = await StartReceiverAsync();
        await using var _ = app;
        var register = await AdminAsync("webhooks", new JsonObject { ["app_key"] = WorldSeeder.AppKey, ["uri"] = url });

        await Alice.PutAsync("/hooked.txt", "x");
        await WaitForAsync(() => !calls.IsEmpty);

        register["verified"]!.GetValue<bool>().ShouldBeTrue();
        calls.TryDequeue(out var call).ShouldBeTrue();
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(WorldSeeder.AppSecret), Encoding.UTF8.GetBytes(call!.Body)));
        call.Signature.ShouldBe(expected);
        call.UserAgent.ShouldBe("DropboxWebhooks/1.0");
        var body = JsonNode.Parse(call.Body)!;
        body["list_folder"]!["accounts"]!.AsArray().Select(a => a!.GetValue<string>()).ShouldContain(Emulator.Account(WorldSeeder.AliceEmail).AccountId);
        body["delta"]!["users"]!.AsArray().Count.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Receiver_NotEchoingChallenge_IsNotVerifiedAndGetsNothing()
    {
        var (app, url, calls) = await StartReceiverAsync(echoChallenge: false);
        await using var _ = app;

        var register = await AdminAsync("webhooks", new JsonObject { ["app_key"] = WorldSeeder.AppKey, ["uri"] = url });
        await Alice.PutAsync("/quiet.txt", "x");
        await Task.Delay(500);

        register["verified"]!.GetValue<bool>().ShouldBeFalse();
        calls.ShouldBeEmpty();
    }

    [Fact]
    public async Task FailingReceiver_IsRetried()
    {
        var (app, url, calls) = await StartReceiverAsync(failFirst: 2);
        await using var _ = app;
        await AdminAsync("webhooks", new JsonObject { ["app_key"] = WorldSeeder.AppKey, ["uri"] = url });

        await AdminAsync("webhooks/fire", new JsonObject { ["accounts"] = new JsonArray(WorldSeeder.AliceEmail) });
        await WaitForAsync(() => !calls.IsEmpty);

        Emulator.Webhooks.Log.Count(d => d.Body != "challenge" && !d.Succeeded).ShouldBe(2);
    }
}
