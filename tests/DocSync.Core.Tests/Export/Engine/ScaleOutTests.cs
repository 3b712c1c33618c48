using DocSync.Core.Export;
using DocSync.Core.Persistence;
using DocSync.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DocSync.Core.Tests.Export.Engine;

/// <summary>Two instances of the service on one PostgreSQL database: a connection's loop runs on one at a time, every file lands once.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class ScaleOutTests(DatabaseFixture fixture)
{
    [Fact]
    public async Task Two_workers_on_one_database_export_every_document_once_and_never_do_the_same_work_twice()
    {
        static void Options(ExportOptions o, string instance)
        {
            o.InstanceId = instance;
            o.BatchSize = 15;
            o.PollInterval = TimeSpan.FromMilliseconds(100);
        }

        await using var h = await ExportHarness.StartAsync(fixture, DatabaseProvider.PostgreSql, o => Options(o, "one"), realTime: true);
        await using var second = h.AnotherInstance(DatabaseProvider.PostgreSql, o => Options(o, "two"));
        var ids = new List<Guid>();
        for (var i = 1; i <= 60; i++)
        {
            ids.Add(await h.CreateDocumentAsync($"F-{i:000}"));
        }
        await h.CreateProfileAsync();

        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var one = h.Host.Get<SyncWorker>().RunAsync(stop.Token);
        var two = second.Get<SyncWorker>().RunAsync(stop.Token);
        for (var i = 0; i < 10; i++)
        {
            await h.UpdateDocumentAsync(ids[i * 5], c => c with { Note = $"edit {i}" });
            await Task.Delay(50);
        }

        while (!stop.IsCancellationRequested
            && ((await h.TasksAsync()).Count > 0 || await h.InCompanyAsync(db => db.OutboxMessages.AnyAsync(m => m.ProcessedAt == null))))
        {
            await Task.Delay(100);
        }
        await stop.CancelAsync();
        await Task.WhenAll(one, two);

        (await h.TasksAsync()).ShouldBeEmpty();
        var server = h.ServerFiles();
        server.Count.ShouldBe(120);
        var log = await h.LogAsync();
        log.ShouldAllBe(e => e.Outcome == SyncOutcome.Ok);
        log.Count(e => e.Action == SyncAction.Upload).ShouldBe(120); // each file uploaded by exactly one instance, once
        log.ShouldNotContain(e => e.Action == SyncAction.Adopt);
        (await h.ExportedAsync()).Count.ShouldBe(120);
    }
}
