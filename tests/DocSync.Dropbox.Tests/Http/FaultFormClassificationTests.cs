using System.Net;
using System.Net.Http.Headers;
using DocSync.Dropbox.Emulator.Faults;
using DocSync.Dropbox.Http;

namespace DocSync.Dropbox.Tests.Http;

/// <summary>
/// Every error form Dropbox (or its edge) sends, exactly as the emulator emits it, decoded and
/// classified by the client: what is retried, with which wait, and what is final.
/// </summary>
public sealed class FaultFormClassificationTests
{
    private static readonly TimeSpan PlainDelay = TimeSpan.FromSeconds(5);

    public static TheoryData<string, int?, int, string, double?> TransientForms => new()
    {
        // kind, retry_after of the rule, status, error tag, expected wait in seconds (null: the client's own backoff)
        { FaultKind.TooManyRequests, 7, 429, DropboxErrorTags.TooManyRequests, 7 },
        { FaultKind.TooManyWriteOperations, 3, 429, DropboxErrorTags.TooManyWriteOperations, 3 },
        { FaultKind.PlainTooManyRequests, 4, 429, DropboxErrorTags.TooManyRequests, 4 },
        { FaultKind.InternalServerError, null, 500, DropboxErrorTags.None, null },
        { FaultKind.ServiceUnavailable, null, 503, DropboxErrorTags.None, null },
        { FaultKind.ServiceUnavailable, 9, 503, DropboxErrorTags.None, 9 },
        { FaultKind.EdgeBadGateway, null, 502, DropboxErrorTags.None, null },
        { FaultKind.EdgeServiceUnavailable, null, 503, DropboxErrorTags.None, null },
        { FaultKind.EdgeGatewayTimeout, null, 504, DropboxErrorTags.None, null },
    };

    [Theory]
    [MemberData(nameof(TransientForms))]
    public async Task Each_fault_form_is_transient_with_the_wait_it_names(string kind, int? retryAfter, int status, string tag, double? waitSeconds)
    {
        var form = FaultForms.For(kind, retryAfter).ShouldNotBeNull();

        var error = await DecodeAsync(form);

        error.StatusCode.ShouldBe(status);
        error.IsTransient.ShouldBeTrue();
        error.ErrorTag.ShouldBe(tag);
        error.RetryAfter.ShouldBe(waitSeconds is { } s ? TimeSpan.FromSeconds(s) : null);
        (error.RequestId is not null).ShouldBe(form.FromApiServer);
    }

    [Fact]
    public async Task A_plain_429_without_Retry_After_waits_the_documented_fallback()
    {
        var form = FaultForms.For(FaultKind.PlainTooManyRequests, null)! with { RetryAfterSeconds = null };

        var error = await DecodeAsync(form);

        error.RetryAfter.ShouldBe(PlainDelay);
        error.ErrorTag.ShouldBe(DropboxErrorTags.TooManyRequests);
    }

    public static TheoryData<int, string, string> FinalForms => new()
    {
        { 400, "text/plain; charset=utf-8", "Error in call to API function \"files/list_folder\": request body: could not decode input as JSON" },
        { 401, "application/json", "{\"error_summary\": \"invalid_access_token/..\", \"error\": {\".tag\": \"invalid_access_token\"}}" },
        { 409, "application/json", "{\"error_summary\": \"path/not_found/..\", \"error\": {\".tag\": \"path\", \"path\": {\".tag\": \"not_found\"}}}" },
    };

    [Theory]
    [MemberData(nameof(FinalForms))]
    public async Task Client_errors_are_final(int status, string contentType, string body)
    {
        var error = await DecodeAsync(new FaultForm(status, contentType, System.Text.Encoding.UTF8.GetBytes(body), null, FromApiServer: true));

        error.StatusCode.ShouldBe(status);
        error.IsTransient.ShouldBeFalse();
    }

    private static Task<DropboxApiException> DecodeAsync(FaultForm form)
    {
        var response = new HttpResponseMessage((HttpStatusCode)form.Status) { Content = new ByteArrayContent(form.Body) };
        response.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(form.ContentType);
        if (form.RetryAfterHeader is { } wait)
        {
            response.Headers.TryAddWithoutValidation("Retry-After", wait);
        }
        if (form.FromApiServer)
        {
            response.Headers.TryAddWithoutValidation("X-Dropbox-Request-Id", "0123456789abcdef0123456789abcdef");
        }
        return ErrorDecoder.DecodeAsync("files/list_folder", response, PlainDelay, TimeProvider.System, CancellationToken.None);
    }
}
