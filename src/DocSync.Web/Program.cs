using DocSync.Web.Hosting;

// Settings and static files are read next to the binaries, so `dotnet run --project src/DocSync.Web`
// works from any folder; data (SQLite file, blobs, keys) goes under the folder DocSync is started from.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddDocSyncWeb();
var app = builder.Build();
app.UseDocSyncWeb();
await app.InitializeDocSyncAsync();
await app.RunAsync();
