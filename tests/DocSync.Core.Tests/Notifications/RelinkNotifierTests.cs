using System.Net;
using System.Net.Sockets;
using System.Text;
using DocSync.Core.Connections;
using DocSync.Core.Notifications;
using DocSync.Core.Persistence;
using DocSync.Core.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DocSync.Core.Tests.Notifications;

[Collection(DatabaseCollection.Name)]
public sealed class RelinkNotifierTests(DatabaseFixture fixture)
{
    [Fact]
    public async Task A_connection_that_needs_relinking_is_mailed_to_the_admins_once_when_SMTP_is_configured()
    {
        using var smtp = new TinySmtpServer();
        await using var host = await TestHost.StartAsync(fixture, DatabaseProvider.Sqlite, configure: services => services.Configure<SmtpOptions>(o =>
        {
            o.Host = "127.0.0.1";
            o.Port = smtp.Port;
            o.Security = "None";
            o.From = "DocSync <docsync@example.be>";
            o.PublicUri = new Uri("https://docsync.example.be/");
        }));
        var owner = await host.NewCompanyAsync("Lumen BV", "owner@lumen.example");
        Guid connectionId;
        await using (var unit = host.Scope(owner))
        {
            var connections = unit.ServiceProvider.GetRequiredService<ConnectionService>();
            connectionId = (await connections.LinkAsync(new LinkRequest("Accounting", "/DocSync", "dbid:1", "a@example.com", "A", null, false, true, "refresh-secret"))).Id;
            await connections.MarkNeedsRelinkAsync(connectionId, "Dropbox refused DocSync's access.");
            await connections.MarkNeedsRelinkAsync(connectionId, "Dropbox refused DocSync's access.");
        }

        var message = smtp.Messages.ShouldHaveSingleItem();
        message.ShouldContain("RCPT TO:<");
        message.ShouldContain("owner@lumen.example");
        message.ShouldContain("Subject: DocSync: the Dropbox connection 'Accounting' needs linking again");
        message.ShouldContain($"https://docsync.example.be/c/{owner.CompanyId}/connections");
        message.ShouldNotContain("refresh-secret");
    }

    [Fact]
    public async Task Without_SMTP_nothing_is_sent_and_marking_still_works()
    {
        await using var host = await TestHost.StartAsync(fixture, DatabaseProvider.Sqlite);
        var owner = await host.NewCompanyAsync();
        await using var unit = host.Scope(owner);
        var connections = unit.ServiceProvider.GetRequiredService<ConnectionService>();
        var id = (await connections.LinkAsync(new LinkRequest("Accounting", "/DocSync", "dbid:1", "a@example.com", "A", null, false, true, "refresh"))).Id;
        await connections.MarkNeedsRelinkAsync(id, "revoked");
        (await connections.GetAsync(id)).State.ShouldBe(ConnectionState.NeedsRelink);
    }

    /// <summary>Just enough SMTP to accept messages over plain TCP on loopback, recording each whole conversation.</summary>
    private sealed class TinySmtpServer : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource _stop = new();

        public TinySmtpServer()
        {
            _listener.Start();
            _ = AcceptAsync();
        }

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        public List<string> Messages { get; } = [];

        private async Task AcceptAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                TcpClient client;
                try
                {
                    client = await _listener.AcceptTcpClientAsync(_stop.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                _ = ServeAsync(client);
            }
        }

        private async Task ServeAsync(TcpClient client)
        {
            using (client)
            {
                var stream = client.GetStream();
                using var reader = new StreamReader(stream, Encoding.ASCII);
                await using var writer = new StreamWriter(stream, Encoding.ASCII) { AutoFlush = true, NewLine = "\r\n" };
                await writer.WriteLineAsync("220 tiny ESMTP");
                var transcript = new StringBuilder();
                while (await reader.ReadLineAsync() is { } line)
                {
                    var verb = line.Length >= 4 ? line[..4].ToUpperInvariant() : line.ToUpperInvariant();
                    switch (verb)
                    {
                        case "EHLO":
                        case "HELO":
                            await writer.WriteLineAsync("250 tiny");
                            break;
                        case "MAIL":
                            transcript.Clear().AppendLine(line);
                            await writer.WriteLineAsync("250 OK");
                            break;
                        case "RCPT":
                            transcript.AppendLine(line);
                            await writer.WriteLineAsync("250 OK");
                            break;
                        case "DATA":
                            await writer.WriteLineAsync("354 go on");
                            while (await reader.ReadLineAsync() is { } data && data != ".")
                            {
                                transcript.AppendLine(data);
                            }
                            lock (Messages)
                            {
                                Messages.Add(transcript.ToString());
                            }
                            await writer.WriteLineAsync("250 queued");
                            break;
                        case "QUIT":
                            await writer.WriteLineAsync("221 bye");
                            return;
                        default:
                            await writer.WriteLineAsync("250 OK");
                            break;
                    }
                }
            }
        }

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Stop();
            _stop.Dispose();
        }
    }
}
