using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;

namespace DocSync.Web.Tests.Logging;

/// <summary>
/// One registry of log event ids: no id is used twice in the running code, and docs/log-events.md lists
/// exactly the ids, levels and messages the code writes (regenerate it with tools/log-events.py).
/// </summary>
public sealed partial class LogEventRegistryTests
{
    private static readonly Assembly[] Shipped =
    [
        typeof(DocSync.Web.Features.Collection.DropboxWebhook).Assembly,
        typeof(DocSync.Core.Persistence.DocSyncDbContext).Assembly,
        typeof(DocSync.Dropbox.DropboxClient).Assembly,
    ];

    private static List<(int Id, string Level, string Message, string Where)> InCode() =>
        [.. Shipped.SelectMany(a => a.GetTypes())
            .SelectMany(t => t.GetMethods(BindingFlags.Static | BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Select(m => (Method: m, Attribute: m.GetCustomAttribute<LoggerMessageAttribute>()))
            .Where(x => x.Attribute is not null)
            .Select(x => (x.Attribute!.EventId, x.Attribute.Level == LogLevel.None ? "Dynamic" : x.Attribute.Level.ToString(), x.Attribute.Message, $"{x.Method.DeclaringType!.FullName}.{x.Method.Name}"))];

    [Fact]
    public void Every_event_id_is_used_once()
    {
        var events = InCode();
        events.Count.ShouldBeGreaterThan(50, "the scan must see the shipped log messages");
        var twice = events.GroupBy(e => e.Id).Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(e => e.Where))}").ToList();
        twice.ShouldBeEmpty();
    }

    [Fact]
    public void The_registry_document_matches_the_code()
    {
        var documented = File.ReadAllLines(Path.Combine(RepositoryRoot(), "docs", "log-events.md"))
            .Select(l => RegistryRow().Match(l)).Where(m => m.Success)
            .Select(m => $"{m.Groups["id"].Value} {m.Groups["level"].Value} {m.Groups["message"].Value.Replace("&#124;", "|", StringComparison.Ordinal)}")
            .Order(StringComparer.Ordinal).ToList();
        var inCode = InCode().Select(e => $"{e.Id} {e.Level} {e.Message}").Order(StringComparer.Ordinal).ToList();

        inCode.Except(documented).ShouldBeEmpty("messages missing from docs/log-events.md (run tools/log-events.py)");
        documented.Except(inCode).ShouldBeEmpty("docs/log-events.md lists messages the code no longer writes (run tools/log-events.py)");
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "DocSync.slnx")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException("DocSync.slnx not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"^\| (?<id>\d+) \| (?<level>\w+) \| `[^`]*` \| (?<message>.*) \|$")]
    private static partial Regex RegistryRow();
}
