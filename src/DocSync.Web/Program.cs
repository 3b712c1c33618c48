using DocSync.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddDocSyncWeb();
var app = builder.Build();
app.UseDocSyncWeb();
await app.InitializeDocSyncAsync();
await app.RunAsync();

/// <summary>The web host's entry point; public so tests can host it with <c>WebApplicationFactory</c>.</summary>
public partial class Program;
