namespace DocSync.Dropbox.Emulator.Wire;

/// <summary>How a route carries its argument and result.</summary>
public enum RouteStyle
{
    Rpc,
    Upload,
    Download,
}

/// <summary>Who may call a route.</summary>
[Flags]
public enum RouteAuth
{
    None = 0,
    User = 1,
    Team = 2,
    App = 4,
}

/// <summary>One Dropbox route: its name (as in the URL after /2/), style, auth, scope and handler.</summary>
public sealed record RouteDef(
    string Name,
    RouteStyle Style,
    RouteAuth Auth,
    string? Scope,
    Func<CallContext, ValueTask<RouteResult>> Handler)
{
    /// <summary>True when the argument is Void (the body may be empty or <c>null</c>).</summary>
    public bool VoidArg { get; init; }
}
