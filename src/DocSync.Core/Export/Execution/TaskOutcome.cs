using DocSync.Core.Sync;
using DocSync.Dropbox;

namespace DocSync.Core.Export.Execution;

/// <summary>How a task's round ended, worst last: a task with several files keeps its worst outcome.</summary>
internal enum OutcomeKind
{
    Done = 0,
    Blocked = 1,
    Retry = 2,
    Dead = 3,
    Relink = 4,
}

internal sealed record TaskOutcome(OutcomeKind Kind, string Code, string Message, TimeSpan? RetryAfter = null, bool CountsAttempt = true, Exception? Error = null)
{
    public static TaskOutcome Done { get; } = new(OutcomeKind.Done, "", "");

    public static TaskOutcome Dead(string code, string message) => new(OutcomeKind.Dead, code, message);

    /// <summary>Try again at once, without counting an attempt (the state changed under us).</summary>
    public static TaskOutcome Again(string code, string message) => new(OutcomeKind.Retry, code, message, TimeSpan.Zero, CountsAttempt: false);
}

/// <summary>The kernel's failure classification, as task outcomes.</summary>
internal static class Outcomes
{
    public static TaskOutcome Classify(BatchUploadResult result) => ClassifyTag(result.ErrorTag ?? DropboxErrorTags.Other, result.Error);

    public static TaskOutcome Classify(Exception error) => From(FailureClassifier.Classify(error));

    public static TaskOutcome ClassifyTag(string tag, Exception? error) => From(FailureClassifier.ClassifyTag(tag, error));

    /// <summary>The kernel's classification as a task outcome (a blocked connection does not count an attempt).</summary>
    private static TaskOutcome From(SyncFailure failure) => failure.Kind switch
    {
        SyncFailureKind.NeedsRelink => new TaskOutcome(OutcomeKind.Relink, failure.Code, failure.Message, Error: failure.Error),
        SyncFailureKind.ConnectionBlocked => new TaskOutcome(OutcomeKind.Blocked, failure.Code, failure.Message, CountsAttempt: false),
        SyncFailureKind.ItemDead => TaskOutcome.Dead(failure.Code, failure.Message),
        _ => new TaskOutcome(OutcomeKind.Retry, failure.Code, failure.Message, failure.RetryAfter, Error: failure.Error),
    };
}
