using DocSync.Core.Persistence;

namespace DocSync.Migrations;

/// <summary>
/// Adds, removes and checks DocSync's two migration sets (SQLite and PostgreSQL) with EF Core's
/// design-time services, in place of the <c>dotnet-ef</c> tool. See docs/migrations.md.
/// </summary>
internal static class MigrationsTool
{
    private const string Usage = """
        Usage: dotnet run --project tools/DocSync.Migrations -- <command>
          add <Name>   scaffold migration <Name> for SQLite and PostgreSQL
          remove       remove the latest migration of both sets (never applied anywhere!)
          check        exit 1 if the model has changes no migration captures
          list         list the migrations of both sets
        """;

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var root = FindRepositoryRoot();
        var sets = new[] { DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql }
            .Select(p => new MigrationSet(p, root))
            .ToList();
        switch (args)
        {
            case ["add", var name] when IsIdentifier(name):
                foreach (var set in sets)
                {
                    foreach (var file in set.Add(name))
                    {
                        output.WriteLine($"{set.Provider}: wrote {Path.GetRelativePath(root, file)}");
                    }
                }

                return 0;

            case ["remove"]:
                foreach (var set in sets)
                {
                    foreach (var file in set.RemoveLatest())
                    {
                        output.WriteLine($"{set.Provider}: removed {Path.GetRelativePath(root, file)}");
                    }
                }

                return 0;

            case ["check"]:
                var pending = sets.Where(s => s.HasPendingModelChanges()).Select(s => s.Provider).ToList();
                foreach (var provider in pending)
                {
                    error.WriteLine($"{provider}: the model has changes no migration captures; run 'add <Name>'.");
                }

                if (pending.Count == 0)
                {
                    output.WriteLine("Both migration sets match the model.");
                }

                return pending.Count == 0 ? 0 : 1;

            case ["list"]:
                foreach (var set in sets)
                {
                    output.WriteLine($"{set.Provider}: {string.Join(", ", set.List())}");
                }

                return 0;

            default:
                error.WriteLine(Usage);
                return 2;
        }
    }

    private static bool IsIdentifier(string name) =>
        name.Length > 0 && char.IsAsciiLetter(name[0]) && name.All(char.IsAsciiLetterOrDigit);

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DocSync.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Run this inside the DocSync repository (no DocSync.slnx found above the current folder).");
    }
}
