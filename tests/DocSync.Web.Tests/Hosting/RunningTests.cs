using DocSync.Core.Persistence;
using DocSync.Web.Tests.Export.Crash;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DocSync.Web.Tests.Hosting;

/// <summary>Running DocSync as an operator does: its startup said once, its data where it was started, Dropbox calls quiet.</summary>
[Collection(WebCollection.Name)]
public sealed class RunningTests(Databases databases)
{
    [Fact]
    public async Task Start_AsDotnetRunDoes_StartupLoggedOnceDataInTheWorkingFolder()
    {
        var folder = databases.NewFolder();
        var logPath = Path.Combine(databases.NewFolder(), "docsync.log");
        using var log = new ProcessLog(logPath);
        var settings = new Dictionary<string, string>
        {
            // dotnet run passes the launch profile's address this way; the embedded emulator must not take it for its own.
            ["ASPNETCORE_URLS"] = "http://localhost:5180",
            ["DocSync__Dropbox__Emulator__Enabled"] = "true",
            ["DocSync__Dropbox__Emulator__Port"] = "0",
        };

        await using (await DocSyncProcess.StartAsync(settings, folder, log, life: 1))
        {
            // The console logger writes from its own thread: wait (bounded) for the startup lines, then a moment for any repeat.
            for (var i = 0; i < 100 && !log.Tail(500).Contains("Content root path", StringComparison.Ordinal); i++)
            {
                await Task.Delay(100);
            }

            await Task.Delay(1000);
        }

        var lines = log.Tail(1000).Split('\n');
        lines.Count(l => l.Contains("Application started", StringComparison.Ordinal)).ShouldBe(1, log.Tail());
        lines.Count(l => l.Contains("Hosting environment", StringComparison.Ordinal)).ShouldBe(1, log.Tail());
        lines.ShouldNotContain(l => l.Contains("Overriding address", StringComparison.Ordinal), log.Tail());
        File.Exists(Path.Combine(folder, "data", "docsync.db")).ShouldBeTrue("the database is under ./data of the folder DocSync was started in");
        Directory.Exists(Path.Combine(folder, "data", "keys")).ShouldBeTrue("the key ring too");
    }

    [Fact]
    public async Task DropboxCalls_OneDebugLineEachNothingAtInformation()
    {
        var logs = new CapturingLoggerProvider();
        await using var app = await DocSyncApp.StartAsync(databases, DatabaseProvider.Sqlite, new Dictionary<string, string?>
        {
            ["DocSync:Dropbox:Emulator:Enabled"] = "true",
            ["DocSync:Dropbox:Emulator:Port"] = "0",
            ["DocSync:Dropbox:Emulator:DataPath"] = databases.NewFolder(),
        });
        await using var logged = app.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddLogging(l => l
            .AddProvider(logs).AddFilter<CapturingLoggerProvider>(null, LogLevel.Trace))));
        var http = logged.Services.GetRequiredService<IHttpClientFactory>().CreateClient(DocSync.Web.Features.Connections.DropboxApp.HttpClientName);
        var emulator = logged.Services.GetRequiredService<DocSync.Web.Hosting.EmbeddedEmulatorService>().BaseUri.ShouldNotBeNull();

        using (await http.GetAsync(new Uri(emulator, "/?code=secret-code")))
        {
        }

        using (await http.GetAsync(new Uri(emulator, "/2/check/app")))
        {
        }

        var calls = logs.Lines.Where(l => l.Contains("Dropbox GET", StringComparison.Ordinal)).ToList();
        calls.Count.ShouldBe(2, string.Join('\n', logs.Lines));
        calls.ShouldAllBe(l => l.StartsWith("DocSync.Dropbox.Logging.DropboxCallLogger Debug", StringComparison.Ordinal));
        logs.Lines.ShouldNotContain(l => l.StartsWith("System.Net.Http.HttpClient", StringComparison.Ordinal));
        logs.Lines.ShouldNotContain(l => l.Contains("secret-code", StringComparison.Ordinal));
    }
}
