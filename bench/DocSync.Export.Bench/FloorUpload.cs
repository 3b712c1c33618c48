using System.Threading.Channels;
using DocSync.Dropbox;
using DocSync.Dropbox.Uploads;

namespace DocSync.Export.Bench;

/// <summary>
/// The floor: the cheapest request pattern Dropbox offers for many small files, with every byte
/// already in memory and nothing else to do. Packs of <see cref="PerPack"/> files each take one
/// <c>upload_session/start_batch</c> and one <c>append_batch</c> (each piece closing its session),
/// <see cref="InFlight"/> packs at once; the closed sessions are committed by
/// <c>finish_batch_v2</c> in groups of <see cref="PerCommit"/> as soon as a group is full (one
/// commit at a time per namespace, as Dropbox requires), while later packs are still going up.
/// </summary>
internal static class FloorUpload
{
    /// <summary>Files per pack (the client's limit, to keep the <c>append_batch</c> header small).</summary>
    public const int PerPack = 100;

    /// <summary>Packs sent at once.</summary>
    public const int InFlight = 8;

    /// <summary>Sessions per <c>finish_batch_v2</c> (Dropbox's limit).</summary>
    public const int PerCommit = 1000;

    /// <summary>Uploads <paramref name="files"/>; returns how many failed.</summary>
    public static async Task<int> RunAsync(DropboxClient client, IReadOnlyList<(string Path, byte[] Bytes)> files)
    {
        var failed = 0;
        var closed = Channel.CreateUnbounded<UploadSessionCommit>(new UnboundedChannelOptions { SingleReader = true });
        var committer = Task.Run(async () =>
        {
            var commits = new List<Task>();
            var group = new List<UploadSessionCommit>(PerCommit);
            await foreach (var session in closed.Reader.ReadAllAsync())
            {
                group.Add(session);
                if (group.Count == PerCommit)
                {
                    commits.Add(CommitAsync(group));
                    group = new List<UploadSessionCommit>(PerCommit);
                }
            }
            if (group.Count > 0)
            {
                commits.Add(CommitAsync(group));
            }
            await Task.WhenAll(commits);
        });

        async Task CommitAsync(List<UploadSessionCommit> group)
        {
            var results = await client.UploadSessionFinishBatchAsync(group);
            Interlocked.Add(ref failed, results.Count(r => r.Metadata is not FileMetadata));
        }

        await Parallel.ForEachAsync(files.Chunk(PerPack), new ParallelOptions { MaxDegreeOfParallelism = InFlight }, async (pack, token) =>
        {
            var sessions = await client.UploadSessionStartBatchAsync(pack.Length, token);
            var appended = await client.UploadSessionAppendBatchAsync(pack.Select((f, i) => new AppendBatchEntry(sessions[i], 0, f.Bytes, Close: true)).ToList(), token);
            for (var i = 0; i < pack.Length; i++)
            {
                if (appended[i].Succeeded)
                {
                    await closed.Writer.WriteAsync(new UploadSessionCommit(sessions[i], pack[i].Bytes.Length, pack[i].Path, new CommitOptions { Mute = true }), token);
                }
                else
                {
                    Interlocked.Increment(ref failed);
                }
            }
        });
        closed.Writer.Complete();
        await committer;
        return failed;
    }
}
