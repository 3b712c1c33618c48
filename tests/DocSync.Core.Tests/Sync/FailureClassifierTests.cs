using DocSync.Core.Sync;
using DocSync.Dropbox;
using Shouldly;

namespace DocSync.Core.Tests.Sync;

public sealed class FailureClassifierTests
{
    private static DropboxApiException Api(int status, string tag, TimeSpan? retryAfter = null, bool transient = false) =>
        new("files/upload", status, tag, tag, "req", retryAfter, transient);

    [Theory]
    [InlineData(409, "path/insufficient_space", SyncFailureKind.ConnectionBlocked, "insufficient_space")]
    [InlineData(409, "path/malformed_path", SyncFailureKind.ItemDead, "path/malformed_path")]
    [InlineData(409, "path/disallowed_name", SyncFailureKind.ItemDead, "path/disallowed_name")]
    [InlineData(409, "path/no_write_permission", SyncFailureKind.ItemDead, "path/no_write_permission")]
    [InlineData(409, "path/team_folder", SyncFailureKind.ItemDead, "path/team_folder")]
    [InlineData(409, "path/conflict/file", SyncFailureKind.RetryItem, "path/conflict/file")]
    [InlineData(500, "", SyncFailureKind.RetryItem, "http_500")]
    [InlineData(429, "too_many_write_operations", SyncFailureKind.RetryItem, "too_many_write_operations")]
    public void Dropbox_answers_are_classified_once_for_every_engine(int status, string tag, SyncFailureKind kind, string code)
    {
        var failure = FailureClassifier.Classify(Api(status, tag));
        failure.Kind.ShouldBe(kind);
        failure.Code.ShouldBe(code);
        failure.Message.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public void A_refused_grant_needs_a_new_link_with_the_one_message()
    {
        var failure = FailureClassifier.Classify(new DropboxAuthException("files/upload", 401, "invalid_access_token", "revoked", "req"));
        failure.Kind.ShouldBe(SyncFailureKind.NeedsRelink);
        failure.Message.ShouldBe(ConnectionNeedsRelinkException.Refused);
        ConnectionNeedsRelinkException.From(failure.Error).Message.ShouldBe(ConnectionNeedsRelinkException.Refused);
    }

    [Fact]
    public void Retry_After_is_carried_to_the_backoff()
    {
        var failure = FailureClassifier.Classify(Api(429, "too_many_requests", TimeSpan.FromSeconds(17), transient: true));
        failure.RetryAfter.ShouldBe(TimeSpan.FromSeconds(17));
        BackoffPolicy.Delay(new BackoffShape(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1)), 1, failure.RetryAfter, 0.5).ShouldBe(TimeSpan.FromSeconds(17));
    }

    [Fact]
    public void Network_failures_and_a_bad_transfer_retry_the_item()
    {
        FailureClassifier.Classify(new HttpRequestException("connection reset")).Kind.ShouldBe(SyncFailureKind.RetryItem);
        FailureClassifier.Classify(new IOException("broken pipe")).Code.ShouldBe(DropboxErrorTags.NetworkError);
        FailureClassifier.Classify(new InvalidDataException("hash mismatch")).Code.ShouldBe("corrupt_transfer");
    }

    [Fact]
    public void Only_failures_of_Dropbox_or_of_reaching_it_count_and_our_own_cancellation_does_not()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        FailureClassifier.IsDropboxFailure(Api(500, ""), CancellationToken.None).ShouldBeTrue();
        FailureClassifier.IsDropboxFailure(new HttpRequestException(), CancellationToken.None).ShouldBeTrue();
        FailureClassifier.IsDropboxFailure(new TaskCanceledException("timed out"), CancellationToken.None).ShouldBeTrue("an HTTP timeout");
        FailureClassifier.IsDropboxFailure(new TaskCanceledException(), cancelled.Token).ShouldBeFalse("we are stopping");
        FailureClassifier.IsDropboxFailure(new InvalidOperationException("a bug"), CancellationToken.None).ShouldBeFalse("a bug is not swallowed");
        FailureClassifier.IsDropboxFailure(new NullReferenceException(), CancellationToken.None).ShouldBeFalse();
    }

    [Fact]
    public void Describe_gives_the_tag_or_the_status_or_a_short_message()
    {
        FailureClassifier.Describe(Api(409, "path/not_found")).ShouldBe("path/not_found");
        FailureClassifier.Describe(Api(503, "")).ShouldBe("HTTP 503");
        FailureClassifier.Describe(new IOException(new string('x', 500))).Length.ShouldBe(200);
    }
}
