namespace DocSync.Core.Tests.Infrastructure;

/// <summary>Shared by every persistence test: template databases on SQLite and a throwaway PostgreSQL cluster.</summary>
public sealed class DatabaseFixture() : TemplateDatabases("docsync_core"), IAsyncLifetime;
