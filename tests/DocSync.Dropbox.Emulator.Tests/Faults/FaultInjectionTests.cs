using System.Net;
using System.Text.Json.Nodes;
using DocSync.Dropbox.Emulator.Faults;
using DocSync.Dropbox.Emulator.Tests.Infrastructure;

namespace DocSync.Dropbox.Emulator.Tests.Faults;

public sealed class FaultInjectionTests : EmulatorFixture
{
    [Theory]
    [InlineData(FaultKind.TooManyRequests)]
    [InlineData(FaultKind.TooManyWriteOperations)]
    public async Task RateLimit_Answers429WithHeaderAndRateLimitErrorBody(string kind)
    {
        Emulator.Faults.Configure(3, [new FaultRule(kind, "files/upload", Count: 1, RetryAfterSeconds: 7)]);

        var limited = await Alice.UploadAsync("files/upload", new JsonObject { ["path"] = "/x.txt" }, "x"u8.ToArray());
        var next = await Alice.UploadAsync("files/upload", new JsonObject { ["path"] = "/x.txt" }, "x"u8.ToArray());

        limited.Status.ShouldBe(HttpStatusCode.TooManyRequests);
        limited.Header("Retry-After").ShouldBe("7");
        limited.ContentType.ShouldBe("application/json", "exactly this value: the Python SDK compares it for equality");
        limited.Header("X-Dropbox-Request-Id").ShouldNotBeNullOrEmpty();
        var body = limited.Json!.AsObject();
        body.Select(p => p.Key).ShouldBe(["error_summary", "error"]);
        body["error_summary"]!.GetValue<string>().ShouldBe(kind + "/..");
        body["error"]!.AsObject().Select(p => p.Key).ShouldBe(["reason", "retry_after"]);
        limited.Error["retry_after"]!.GetValue<int>().ShouldBe(7);
        limited.Error["reason"]!.AsObject().Select(p => p.Key).ShouldBe([".tag"]);
        limited.Error["reason"]![".tag"]!.GetValue<string>().ShouldBe(kind);
        next.Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task RateLimit_WithoutARetryAfterInTheRule_NamesOneSecond()
    {
        Emulator.Faults.Configure(3, [new FaultRule(FaultKind.TooManyRequests, Count: 1)]);

        var limited = await Alice.RpcAsync("users/get_current_account", null);

        limited.Header("Retry-After").ShouldBe("1");
        limited.Error["retry_after"]!.GetValue<int>().ShouldBe(1);
    }

    [Fact]
    public async Task PlainRateLimit_Answers429TextTooManyRequestsWithHeader()
    {
        Emulator.Faults.Configure(3, [new FaultRule(FaultKind.PlainTooManyRequests, Count: 1, RetryAfterSeconds: 4)]);

        var limited = await Alice.RpcAsync("users/get_current_account", null);

        limited.Status.ShouldBe(HttpStatusCode.TooManyRequests);
        limited.ContentType.ShouldBe("text/plain; charset=utf-8");
        limited.Text.ShouldBe("too_many_requests");
        limited.Header("Retry-After").ShouldBe("4");
        limited.Header("X-Dropbox-Request-Id").ShouldNotBeNullOrEmpty();
    }

    [Theory]
    [InlineData(FaultKind.InternalServerError, 500)]
    [InlineData(FaultKind.ServiceUnavailable, 503)]
    public async Task ServerError_AnswersAnEmptyTextBodyWithRequestIdAndAppliesNothing(string kind, int status)
    {
        Emulator.Faults.Configure(3, [new FaultRule(kind, "files/upload", Count: 1)]);

        var response = await Alice.UploadAsync("files/upload", new JsonObject { ["path"] = "/e.txt" }, "x"u8.ToArray());

        ((int)response.Status).ShouldBe(status);
        response.ContentType.ShouldBe("text/plain; charset=utf-8");
        response.Body.ShouldBeEmpty();
        response.Header("Content-Length").ShouldBe("0");
        response.Header("X-Dropbox-Request-Id").ShouldNotBeNullOrEmpty();
        response.Header("Retry-After").ShouldBeNull("API v2 sends no Retry-After on 5xx");
        (await Alice.RpcAsync("files/get_metadata", new JsonObject { ["path"] = "/e.txt" })).Status.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task ServiceUnavailable_WithARetryAfterInTheRule_SendsTheHeader()
    {
        Emulator.Faults.Configure(3, [new FaultRule(FaultKind.ServiceUnavailable, Count: 1, RetryAfterSeconds: 9)]);

        var response = await Alice.RpcAsync("users/get_current_account", null);

        ((int)response.Status).ShouldBe(503);
        response.Header("Retry-After").ShouldBe("9");
    }

    [Theory]
    [InlineData(FaultKind.EdgeBadGateway, 502, "text/html", "<html>")]
    [InlineData(FaultKind.EdgeServiceUnavailable, 503, "text/plain", "upstream connect error or disconnect/reset before headers. reset reason: connection failure")]
    [InlineData(FaultKind.EdgeGatewayTimeout, 504, "text/plain", "upstream request timeout")]
    public async Task EdgeError_AnswersTheProxysOwnPageWithoutRequestId(string kind, int status, string contentType, string bodyStart)
    {
        Emulator.Faults.Configure(3, [new FaultRule(kind, "files/upload", Count: 1)]);

        var response = await Alice.UploadAsync("files/upload", new JsonObject { ["path"] = "/edge.txt" }, "x"u8.ToArray());

        ((int)response.Status).ShouldBe(status);
        response.ContentType.ShouldBe(contentType);
        response.Text.ShouldStartWith(bodyStart);
        response.Header("Server").ShouldBe("envoy");
        response.Header("X-Dropbox-Request-Id").ShouldBeNull("the API servers never saw the call");
        (await Alice.RpcAsync("files/get_metadata", new JsonObject { ["path"] = "/edge.txt" })).Status.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Reset_DropsTheConnectionBeforeApplying()
    {
        Emulator.Faults.Configure(3, [new FaultRule(FaultKind.Reset, "files/upload", Count: 1)]);

        await Should.ThrowAsync<HttpRequestException>(() => Alice.UploadAsync("files/upload", new JsonObject { ["path"] = "/r.txt" }, "x"u8.ToArray()));

        (await Alice.RpcAsync("files/get_metadata", new JsonObject { ["path"] = "/r.txt" })).Status.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Reset_OnDownload_DropsHalfwayThroughTheBody()
    {
        await Alice.PutAsync("/half.bin", new string('z', 200_000));
        Emulator.Faults.Configure(3, [new FaultRule(FaultKind.Reset, "files/download", Count: 1)]);

        await Should.ThrowAsync<HttpRequestException>(() => Alice.DownloadAsync("/half.bin"));

        (await Alice.DownloadAsync("/half.bin")).Body.Length.ShouldBe(200_000);
    }

    [Fact]
    public async Task DropAfterApply_AppliesTheWriteButAnswersNothing()
    {
        Emulator.Faults.Configure(3, [new FaultRule(FaultKind.DropAfterApply, "files/upload", Count: 1)]);

        await Should.ThrowAsync<HttpRequestException>(() => Alice.UploadAsync("files/upload", new JsonObject { ["path"] = "/applied.txt" }, "x"u8.ToArray()));

        (await Alice.DownloadAsync("/applied.txt")).Text.ShouldBe("x");
    }

    [Fact]
    public async Task Latency_DelaysTheAnswer()
    {
        Emulator.Faults.Configure(3, [new FaultRule(FaultKind.Latency, "users/get_current_account", LatencyMs: 300)]);

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var response = await Alice.RpcAsync("users/get_current_account", null);

        response.Status.ShouldBe(HttpStatusCode.OK);
        watch.ElapsedMilliseconds.ShouldBeGreaterThanOrEqualTo(290);
    }

    [Fact]
    public async Task SameSeed_SameCalls_SameFaults()
    {
        async Task<string> RunAsync()
        {
            await AdminAsync("faults", new JsonObject
            {
                ["seed"] = 42,
                ["rules"] = new JsonArray(
                    new JsonObject { ["kind"] = "too_many_requests", ["route"] = "users/*", ["probability"] = 0.3 },
                    new JsonObject { ["kind"] = "500", ["route"] = "*", ["probability"] = 0.2 }),
            }, HttpMethod.Put);
            var outcomes = new List<int>();
            for (var i = 0; i < 40; i++)
            {
                outcomes.Add((int)(await Alice.RpcAsync("users/get_current_account", null)).Status);
            }
            var log = await AdminAsync("faults", null, HttpMethod.Get);
            return string.Join(',', outcomes) + "|" + log["log"]!.ToJsonString();
        }

        var first = await RunAsync();
        var second = await RunAsync();

        second.ShouldBe(first);
        first.ShouldContain("429");
        first.ShouldContain("500");
    }

    [Fact]
    public async Task AdminFaults_UnknownKind_Answers400()
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, "_emulator/faults")
        {
            Content = new StringContent("{\"rules\":[{\"kind\":\"meteor\"}]}", System.Text.Encoding.UTF8, "application/json"),
        };

        var response = await Anonymous().SendAsync(request);

        response.Status.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task NamespaceLock_HeldByACommit_MakesConcurrentCommitsAnswerTooManyWriteOperations()
    {
        await AdminAsync("namespace-lock", new JsonObject { ["hold_ms"] = 400, ["wait_ms"] = 50 });

        var uploads = Enumerable.Range(0, 4)
            .Select(i => Alice.UploadAsync("files/upload", new JsonObject { ["path"] = $"/lock{i}.txt" }, "x"u8.ToArray()))
            .ToList();
        var results = await Task.WhenAll(uploads);

        results.Count(r => r.Status == HttpStatusCode.OK).ShouldBeGreaterThanOrEqualTo(1);
        var limited = results.Where(r => r.Status == HttpStatusCode.TooManyRequests).ToList();
        limited.ShouldNotBeEmpty();
        limited[0].Error["reason"]![".tag"]!.GetValue<string>().ShouldBe("too_many_write_operations");
    }
}
