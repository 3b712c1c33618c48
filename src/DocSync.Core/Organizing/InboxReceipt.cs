namespace DocSync.Core.Organizing;

/// <summary>The outcome of receiving a file into the inbox.</summary>
/// <param name="Item">The item: the new one, or the one received earlier from the same source identity.</param>
/// <param name="Replayed">Whether the source identity was received before, so nothing new was stored.</param>
public sealed record InboxReceipt(InboxItemInfo Item, bool Replayed);
