using System.Diagnostics;
using System.Globalization;
using DocSync.Core;
using DocSync.Core.Access;
using DocSync.Core.Blobs;
using DocSync.Core.Companies;
using DocSync.Core.Files;
using DocSync.Core.Organizing;
using DocSync.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DocSync.Web.Bench;

/// <summary>
/// <c>--files</c>: Files' own figures, DocSync.Core in this process on a fresh SQLite database and blob folder.
/// (1) A folder of <c>--files-count</c> files (rows written directly, one shared blob; not timed) is read page by page
/// (100 per page, keyset on the folded name) through <see cref="FileBrowser"/>, each page in its own unit of work:
/// time per page. (2) A generated file of <c>--zip-mib</c> MiB is stored (not timed) and zipped by
/// <see cref="ZipStreamer"/> into a stream that only counts: time, throughput, and the process's RSS before and at
/// its peak while zipping (sampled every 20 ms).
/// </summary>
internal static class FilesBench
{
    public static async Task<int> RunAsync(int fileCount, long zipBytes)
    {
        var folder = Directory.CreateTempSubdirectory("docsync-files-bench-").FullName;
        try
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["DocSync:Database:Provider"] = "Sqlite",
                ["DocSync:Database:ConnectionString"] = $"Data Source={Path.Combine(folder, "bench.db")}",
                ["DocSync:Blobs:RootPath"] = Path.Combine(folder, "blobs"),
                ["DocSync:Blobs:MaxBlobBytes"] = (4L * 1024 * 1024 * 1024).ToString(CultureInfo.InvariantCulture),
            }).Build();
            var services = new ServiceCollection();
            services.AddLogging();
            services.AddSingleton(TimeProvider.System);
            services.AddSingleton<Microsoft.AspNetCore.DataProtection.IDataProtectionProvider>(new Microsoft.AspNetCore.DataProtection.EphemeralDataProtectionProvider());
            services.AddDocSyncCore(configuration);
            await using var provider = services.BuildServiceProvider();
            var scope = await SetUpAsync(provider);

            Console.WriteLine($"files: {fileCount:N0} in one folder, SQLite, 100 per page");
            var (folderId, sha) = await FillAsync(provider, scope, fileCount);
            var times = new List<double>();
            string? after = null;
            var seen = 0;
            do
            {
                await using var unit = Enter(provider, scope);
                var started = Stopwatch.GetTimestamp();
                var page = await unit.ServiceProvider.GetRequiredService<FileBrowser>().PageAsync(folderId, after, 100);
                times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                seen += page.Files.Count;
                after = page.Next;
            }
            while (after is not null);

            var sorted = times.Order().ToList();
            Console.WriteLine(FormattableString.Invariant(
                $"pages {times.Count}, files seen {seen:N0}; per page: first {times[0]:F1} ms, mean {times.Average():F1} ms, p50 {sorted[sorted.Count / 2]:F1} ms, p95 {sorted[(int)(sorted.Count * 0.95)]:F1} ms, max {sorted[^1]:F1} ms, last {times[^1]:F1} ms"));

            Console.WriteLine($"zip: one generated file of {zipBytes / (1024 * 1024):N0} MiB");
            var big = await StoreBigAsync(provider, scope, zipBytes);
            GC.Collect();
            using var process = Process.GetCurrentProcess();
            process.Refresh();
            var before = process.WorkingSet64;
            var peak = before;
            using var sampling = new CancellationTokenSource();
            var sampler = Task.Run(async () =>
            {
                while (!sampling.IsCancellationRequested)
                {
                    process.Refresh();
                    peak = Math.Max(peak, process.WorkingSet64);
                    await Task.Delay(20, CancellationToken.None);
                }
            });
            var sink = new CountingStream();
            var zipStarted = Stopwatch.GetTimestamp();
            await using (var unit = Enter(provider, scope))
            {
                var entries = await unit.ServiceProvider.GetRequiredService<FileBrowser>().ZipEntriesAsync([], [big]);
                var blobs = unit.ServiceProvider.GetRequiredService<BlobStore>();
                await ZipStreamer.WriteAsync(sink, entries, (entry, _) => Task.FromResult(blobs.OpenRead(entry.File.Sha256)));
            }

            var elapsed = Stopwatch.GetElapsedTime(zipStarted);
            await sampling.CancelAsync();
            await sampler;
            Console.WriteLine(FormattableString.Invariant(
                $"zipped {sink.Written / (1024.0 * 1024):N0} MiB in {elapsed.TotalSeconds:F1} s ({zipBytes / (1024.0 * 1024) / elapsed.TotalSeconds:F0} MiB/s); RSS before {before / (1024 * 1024)} MiB, peak while zipping {peak / (1024 * 1024)} MiB"));
            _ = sha;
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<CompanyScope> SetUpAsync(ServiceProvider provider)
    {
        await using var unit = provider.CreateAsyncScope();
        var db = unit.ServiceProvider.GetRequiredService<DocSyncDbContext>();
        await db.Database.MigrateAsync();
        var email = $"bench-{Guid.NewGuid():N}@example.com";
        var person = new Person
        {
            Id = Guid.CreateVersion7(), UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
            DisplayName = "Bench", SecurityStamp = Guid.NewGuid().ToString("N"), ConcurrencyStamp = Guid.NewGuid().ToString(), CreatedAt = DateTimeOffset.UtcNow,
        };
        db.Users.Add(person);
        await db.SaveChangesAsync();
        var company = await unit.ServiceProvider.GetRequiredService<CompanyService>().CreateAsync("Files Bench BV", "BE", null, person.Id);
        return new CompanyScope(company.Id, Actor.Person(person.Id), RoleRights.For(CompanyRole.Owner));
    }

    private static AsyncServiceScope Enter(ServiceProvider provider, CompanyScope scope)
    {
        var unit = provider.CreateAsyncScope();
        unit.ServiceProvider.GetRequiredService<CompanyContext>().Enter(scope);
        return unit;
    }

    private static async Task<(Guid Folder, string Sha)> FillAsync(ServiceProvider provider, CompanyScope scope, int count)
    {
        await using var unit = Enter(provider, scope);
        var folder = await unit.ServiceProvider.GetRequiredService<FolderService>().CreateFolderAsync(null, "Scans");
        var blob = await unit.ServiceProvider.GetRequiredService<BlobStore>().WriteAsync(new MemoryStream("one scan"u8.ToArray()));
        var db = unit.ServiceProvider.GetRequiredService<DocSyncDbContext>();
        var now = DateTimeOffset.UtcNow;
        for (var start = 0; start < count; start += 2_000)
        {
            db.FolderFiles.AddRange(Enumerable.Range(start, Math.Min(2_000, count - start)).Select(i =>
            {
                var name = FormattableString.Invariant($"Scan {(i * 7919) % count:D6}.pdf");
                return new FolderFile
                {
                    Id = Guid.CreateVersion7(now), CompanyId = scope.CompanyId, FolderId = folder.Id, FileName = name, NameKey = FileNames.Key(name),
                    ContentType = "application/pdf", Sha256 = blob.Sha256, Length = blob.Length, CreatedAt = now, Version = 1,
                };
            }));
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }

        return (folder.Id, blob.Sha256);
    }

    private static async Task<Guid> StoreBigAsync(ServiceProvider provider, CompanyScope scope, long bytes)
    {
        await using var unit = Enter(provider, scope);
        var folders = unit.ServiceProvider.GetRequiredService<FolderService>();
        var folder = await folders.CreateFolderAsync(null, "Big");
        await folders.AddFileAsync(folder.Id, "big.bin", "application/octet-stream", new GeneratedStream(bytes));
        return folder.Id;
    }

    /// <summary>Pseudo-random bytes made as they are read (compressible only a little).</summary>
    private sealed class GeneratedStream(long length) : Stream
    {
        private long _position;
        private ulong _state = 0x9E3779B97F4A7C15;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - _position);
            for (var i = 0; i < n; i++)
            {
                _state ^= _state << 13;
                _state ^= _state >> 7;
                _state ^= _state << 17;
                buffer[offset + i] = (byte)_state;
            }

            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>A non-seekable output that keeps nothing, only counts (stands in for a response).</summary>
    private sealed class CountingStream : Stream
    {
        public long Written { get; private set; }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Written += count;

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Written += buffer.Length;
            return ValueTask.CompletedTask;
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
