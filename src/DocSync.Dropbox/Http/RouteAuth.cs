namespace DocSync.Dropbox.Http;

/// <summary>How a route is authenticated.</summary>
internal enum RouteAuth
{
    /// <summary>Bearer access token from the token provider.</summary>
    User,

    /// <summary>HTTP Basic with the app key and secret.</summary>
    App,

    /// <summary>No credentials (longpoll: the cursor identifies the user).</summary>
    None,
}
