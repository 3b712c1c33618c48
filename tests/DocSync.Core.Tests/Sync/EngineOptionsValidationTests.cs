using DocSync.Core.Collect;
using DocSync.Core.Export;
using DocSync.Core.Notifications;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Shouldly;

namespace DocSync.Core.Tests.Sync;

/// <summary>Export, Collect and SMTP settings are checked at start; a bad value names its setting.</summary>
public sealed class EngineOptionsValidationTests
{
    [Theory]
    [InlineData("DocSync:Export:BatchSize", "0")]
    [InlineData("DocSync:Export:MaxAttempts", "0")]
    [InlineData("DocSync:Export:FirstRetryDelay", "00:00:00")]
    [InlineData("DocSync:Export:MaxRetryDelay", "00:00:01")]
    [InlineData("DocSync:Export:PollInterval", "-00:00:01")]
    [InlineData("DocSync:Export:LeaseDuration", "00:00:01")]
    [InlineData("DocSync:Collect:LongpollTimeout", "00:00:05")]
    [InlineData("DocSync:Collect:DefaultTimeZone", "Mars/Olympus")]
    [InlineData("DocSync:Collect:MaxFileSize", "0")]
    [InlineData("DocSync:Collect:StableAge", "-00:00:01")]
    [InlineData("DocSync:Collect:MaxRetryDelay", "00:00:01")]
    [InlineData("DocSync:Smtp:Port", "70000")]
    [InlineData("DocSync:Smtp:Security", "Tls")]
    [InlineData("DocSync:Smtp:From", "not an address")]
    [InlineData("DocSync:Smtp:PublicUri", "ftp://docsync.example.be")]
    public void A_bad_value_stops_the_start_and_names_its_setting(string setting, string value)
    {
        using var services = Build(new Dictionary<string, string?> { [setting] = value });
        var failure = Should.Throw<OptionsValidationException>(() =>
        {
            _ = services.GetRequiredService<IOptions<ExportOptions>>().Value;
            _ = services.GetRequiredService<IOptions<CollectOptions>>().Value;
            _ = services.GetRequiredService<IOptions<SmtpOptions>>().Value;
        });
        failure.Message.ShouldContain(setting);
    }

    [Fact]
    public void The_documented_defaults_pass()
    {
        using var services = Build([]);
        services.GetRequiredService<IOptions<ExportOptions>>().Value.BatchSize.ShouldBe(500);
        services.GetRequiredService<IOptions<CollectOptions>>().Value.FirstRetryDelay.ShouldBe(TimeSpan.FromSeconds(30));
        services.GetRequiredService<IOptions<SmtpOptions>>().Value.Port.ShouldBe(587);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        settings["DocSync:Database:Provider"] = "Sqlite";
        settings["DocSync:Database:ConnectionString"] = "Data Source=:memory:";
        settings["DocSync:Blobs:RootPath"] = Path.GetTempPath();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDocSyncCore(configuration);
        return services.BuildServiceProvider();
    }
}
