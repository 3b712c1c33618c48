namespace DocSync.Web.Features.Shared;

/// <summary>
/// The step before a destructive action: what will happen, what it touches, and a button that sends
/// the same form again with <c>confirmed=true</c>. A plain form, so it works without JavaScript.
/// </summary>
/// <param name="Question">What is about to happen, e.g. "Delete document F2026-0042?".</param>
/// <param name="Consequences">What it touches, one sentence each (may be empty).</param>
/// <param name="Handler">The page handler that acts, e.g. <c>delete</c>.</param>
/// <param name="Fields">The form fields the action needs (ids, versions).</param>
/// <param name="ConfirmLabel">The button that acts.</param>
/// <param name="CancelUrl">Where "cancel" leads.</param>
public sealed record Confirmation(
    string Question, IReadOnlyList<string> Consequences, string Handler, IReadOnlyDictionary<string, string> Fields, string ConfirmLabel, string CancelUrl);
