namespace DocSync.Dropbox;

/// <summary>
/// A consent-page URL and the secrets to keep until the user comes back: compare the returned
/// <c>state</c> with <see cref="State"/>, then exchange the code with <see cref="CodeVerifier"/>.
/// </summary>
public sealed record AuthorizationRequest(Uri Url, string State, string CodeVerifier)
{
    /// <summary>Describes the request without its verifier.</summary>
    public override string ToString() => $"AuthorizationRequest {{ Url = {Url} }}";
}
