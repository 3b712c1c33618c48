using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace DocSync.Web.Bench;

/// <summary>
/// <c>clients</c> host applications, each with its own <see cref="HttpClient"/> (one connection),
/// each creating invoices with a PDF back to back: POST /api/v1/documents, multipart, a fresh
/// Idempotency-Key per request. Every answer but 201 counts as an error; nothing is retried.
/// </summary>
internal sealed class LoadRunner : IDisposable
{
    private readonly HttpClient[] _clients;
    private readonly int _pdfBytes;

    public LoadRunner(Uri baseUri, string apiKey, int clients, int pdfBytes)
    {
        _pdfBytes = pdfBytes;
        _clients = [.. Enumerable.Range(0, clients).Select(_ =>
        {
            var client = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.None })
            {
                BaseAddress = baseUri,
                Timeout = TimeSpan.FromMinutes(2),
            };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
            return client;
        })];
    }

    /// <summary>Runs every client for <paramref name="duration"/>; a request started before the end is waited for and counted.</summary>
    public async Task<PhaseResult> RunAsync(string phase, TimeSpan duration)
    {
        var tallies = _clients.Select(_ => new ClientTally()).ToArray();
        var start = Stopwatch.GetTimestamp();
        var end = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        await Task.WhenAll(_clients.Select((client, i) => Task.Run(() => LoopAsync(client, i, $"{phase}-{i:D3}", _ => Stopwatch.GetTimestamp() < end, tallies[i]))));
        return PhaseResult.From(tallies, Stopwatch.GetElapsedTime(start));
    }

    /// <summary>Runs every client until <paramref name="count"/> documents were asked for in all.</summary>
    public async Task<PhaseResult> RunCountAsync(string phase, int count)
    {
        var tallies = _clients.Select(_ => new ClientTally()).ToArray();
        var start = Stopwatch.GetTimestamp();
        var remaining = (long)count;
        bool More(long _) => Interlocked.Decrement(ref remaining) >= 0;
        await Task.WhenAll(_clients.Select((client, i) => Task.Run(() => LoopAsync(client, i, $"{phase}-{i:D3}", More, tallies[i]))));
        return PhaseResult.From(tallies, Stopwatch.GetElapsedTime(start));
    }

    public void Dispose()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }
    }

    private async Task LoopAsync(HttpClient client, int seed, string prefix, Func<long, bool> more, ClientTally tally)
    {
        // The padding need not be secret, only different: the number in the PDF's text makes every file unique.
        var random = new Random(seed);
        for (var sequence = 1; more(sequence); sequence++)
        {
            var number = $"{prefix}-{sequence:D6}";
            var pdf = MinimalPdf.Create($"Invoice {number}", _pdfBytes, random);
            using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/documents")
            {
                Content = Multipart(InvoiceFactory.DocumentJson(number, sequence), pdf, number),
            };
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));

            var started = Stopwatch.GetTimestamp();
            int status;
            string body;
            try
            {
                using var response = await client.SendAsync(request);
                body = await response.Content.ReadAsStringAsync();
                status = (int)response.StatusCode;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                status = 0;
                body = e.GetType().Name + ": " + e.Message;
            }

            tally.LatencyTicks.Add(Stopwatch.GetTimestamp() - started);
            tally.Statuses[status] = tally.Statuses.GetValueOrDefault(status) + 1;
            if (status == (int)HttpStatusCode.Created)
            {
                using var created = JsonDocument.Parse(body);
                tally.Created.Add(new CreatedDocument(created.RootElement.GetProperty("id").GetGuid(), number, Convert.ToHexStringLower(SHA256.HashData(pdf))));
            }
            else
            {
                tally.Errors++;
                if (tally.FailureSamples.Count < 5)
                {
                    tally.FailureSamples.Add($"{number}: {status} {(body.Length > 2000 ? body[..2000] + "…" : body)}");
                }
            }
        }
    }

    private static MultipartFormDataContent Multipart(string documentJson, byte[] pdf, string number)
    {
        var file = new ByteArrayContent(pdf);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        return new MultipartFormDataContent
        {
            { new StringContent(documentJson, Encoding.UTF8, "application/json"), "document" },
            { file, "pdf", $"invoice-{number}.pdf" },
        };
    }
}
