namespace DocSync.Dropbox.Emulator.Wire;

/// <summary>All routes the emulator serves, by name.</summary>
public sealed class RouteTable
{
    private readonly Dictionary<string, RouteDef> _routes = new(StringComparer.Ordinal);

    public IReadOnlyCollection<RouteDef> All => _routes.Values;

    public RouteTable Add(RouteDef route)
    {
        _routes.Add(route.Name, route);
        return this;
    }

    public RouteTable Rpc(string name, string? scope, Func<CallContext, ValueTask<RouteResult>> handler, RouteAuth auth = RouteAuth.User, bool voidArg = false) =>
        Add(new RouteDef(name, RouteStyle.Rpc, auth, scope, handler) { VoidArg = voidArg });

    public RouteTable Upload(string name, string? scope, Func<CallContext, ValueTask<RouteResult>> handler) =>
        Add(new RouteDef(name, RouteStyle.Upload, RouteAuth.User, scope, handler));

    public RouteTable Download(string name, string? scope, Func<CallContext, ValueTask<RouteResult>> handler) =>
        Add(new RouteDef(name, RouteStyle.Download, RouteAuth.User, scope, handler));

    public bool TryGet(string name, out RouteDef route) => _routes.TryGetValue(name, out route!);
}
