namespace DocSync.Bench.Common;

/// <summary>Where a bench finds the repository's build outputs (it runs from its own bin folder).</summary>
public static class RepositoryPaths
{
    /// <summary>The folder holding DocSync.slnx above the running bench, or the current folder.</summary>
    public static string Root
    {
        get
        {
            var root = AppContext.BaseDirectory;
            while (root is not null && !File.Exists(Path.Combine(root, "DocSync.slnx")))
            {
                root = Path.GetDirectoryName(root.TrimEnd(Path.DirectorySeparatorChar));
            }
            return root ?? ".";
        }
    }

    /// <summary>The emulator built with <c>dotnet build -c Release</c>.</summary>
    public static string EmulatorDll => Path.Combine(Root, "src/DocSync.Dropbox.Emulator/bin/Release/net10.0/DocSync.Dropbox.Emulator.dll");

    /// <summary>The server built with <c>dotnet build -c Release</c>.</summary>
    public static string ServerDll => Path.Combine(Root, "src/DocSync.Web/bin/Release/net10.0/DocSync.Web.dll");
}
