namespace DocSync.Core.Organizing;

/// <summary>A binder with the number of documents filed in it.</summary>
/// <param name="Id">The binder's id.</param>
/// <param name="Name">Its name.</param>
/// <param name="Description">Its description, if any.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="DocumentCount">How many documents are filed in it now.</param>
public sealed record BinderInfo(Guid Id, string Name, string? Description, DateTimeOffset CreatedAt, int DocumentCount);
