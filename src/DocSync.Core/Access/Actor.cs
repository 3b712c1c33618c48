namespace DocSync.Core.Access;

/// <summary>Who performs a change; recorded in the audit log.</summary>
/// <param name="Kind">Person, API key or system.</param>
/// <param name="Id">The person's or the API key's id; <see cref="Guid.Empty"/> for the system.</param>
public sealed record Actor(ActorKind Kind, Guid Id)
{
    /// <summary>DocSync itself.</summary>
    public static Actor System { get; } = new(ActorKind.System, Guid.Empty);

    /// <summary>A person.</summary>
    /// <param name="personId">The person's id.</param>
    public static Actor Person(Guid personId) => new(ActorKind.Person, personId);

    /// <summary>A host application using an API key.</summary>
    /// <param name="apiKeyId">The key's id.</param>
    public static Actor ApiKey(Guid apiKeyId) => new(ActorKind.ApiKey, apiKeyId);
}
