namespace DocSync.Core.Access;

/// <summary>Who acts: a person signed in, a host application with an API key, or DocSync itself.</summary>
public enum ActorKind
{
    /// <summary>DocSync itself (workers, the demo seeder, first-run setup).</summary>
    System = 0,

    /// <summary>A person signed in to the web UI.</summary>
    Person = 1,

    /// <summary>A host application calling the REST API with an API key.</summary>
    ApiKey = 2,
}
