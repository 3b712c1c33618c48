namespace DocSync.Web.Tests.Infrastructure;

/// <summary>Shared by every web test: template databases on SQLite and a throwaway PostgreSQL cluster.</summary>
public sealed class Databases() : TemplateDatabases("docsync_web"), IAsyncLifetime;
