using DocSync.Dropbox.Emulator.Model;
using Microsoft.AspNetCore.Http;

namespace DocSync.Dropbox.Emulator.Wire;

/// <summary>Everything a route handler gets.</summary>
public sealed class CallContext(EmulatorState state, RouteDef route, Args args, Caller? caller, HttpContext http, byte[] body)
{
    public EmulatorState State { get; } = state;

    public RouteDef Route { get; } = route;

    public Args Args { get; } = args;

    public Caller? Caller { get; } = caller;

    public HttpContext Http { get; } = http;

    /// <summary>The request body of an upload-style call.</summary>
    public byte[] Body { get; } = body;

    public Caller RequireCaller() => Caller ?? throw new BadInputException("This route needs an access token.");

    public View View => RequireCaller().RequireView();

    public Account Account => RequireCaller().RequireAccount();
}
