using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace DocSync.Testing;

/// <summary>
/// A throwaway PostgreSQL cluster (Debian's initdb/pg_ctl) in a temporary folder on a free loopback
/// port, trust authentication, durability off for speed. initdb refuses to run as root, so as root
/// the server runs as the <c>postgres</c> system user.
/// </summary>
public sealed class PostgresCluster : IDisposable
{
    private const string BinDirectory = "/usr/lib/postgresql/15/bin";
    private readonly string _root;
    private readonly string _data;
    private bool _stopped;

    private PostgresCluster(string root, int port)
    {
        _root = root;
        _data = Path.Combine(root, "data");
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Include Error Detail=true";

    public static PostgresCluster Start()
    {
        if (!File.Exists(Path.Combine(BinDirectory, "initdb")))
        {
            throw new InvalidOperationException($"PostgreSQL 15 is not installed ({BinDirectory}/initdb missing); test.sh installs Debian's postgresql package.");
        }

        var root = Directory.CreateTempSubdirectory("docsync-pg-").FullName;
        if (Environment.IsPrivilegedProcess)
        {
            Run("chown", ["postgres:postgres", root], asPostgres: false);
        }

        var cluster = new PostgresCluster(root, FreePort());
        try
        {
            Run(Path.Combine(BinDirectory, "initdb"), ["-D", cluster._data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync", "--locale=C"], asPostgres: true);
            Run(Path.Combine(BinDirectory, "pg_ctl"),
            [
                "-D", cluster._data, "-l", Path.Combine(root, "server.log"), "-w", "-t", "60", "start", "-o",
                $"-p {cluster.Port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200",
            ], asPostgres: true);
        }
        catch
        {
            cluster.Dispose();
            throw;
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.Dispose();
        return cluster;
    }

    public void Dispose()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        try
        {
            if (File.Exists(Path.Combine(_data, "postmaster.pid")))
            {
                Run(Path.Combine(BinDirectory, "pg_ctl"), ["-D", _data, "-m", "immediate", "-w", "stop"], asPostgres: true);
            }
        }
        finally
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Run(string file, IReadOnlyList<string> arguments, bool asPostgres)
    {
        var start = new ProcessStartInfo
        {
            FileName = asPostgres && Environment.IsPrivilegedProcess ? "runuser" : file,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asPostgres && Environment.IsPrivilegedProcess)
        {
            foreach (var a in new[] { "-u", "postgres", "--", file })
            {
                start.ArgumentList.Add(a);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(90)))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{file} did not finish within 90 s.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited {process.ExitCode}: {stdout.Result} {stderr.Result}");
        }
    }
}
