using DocSync.Core.Collect;

namespace DocSync.Web.Features.Collection;

/// <summary>The channel form's fields (posted, or carried in the query while the folder picker is open).</summary>
public sealed class ChannelForm
{
    /// <summary>The schedule is "daily at an hour".</summary>
    public const string Daily = "daily";

    /// <summary>The schedule is a cron expression typed by the person.</summary>
    public const string Custom = "cron";

    /// <summary>Name.</summary>
    public string? Name { get; set; }

    /// <summary>The connection read through.</summary>
    public Guid? ConnectionId { get; set; }

    /// <summary>The watched folder.</summary>
    public string? SourcePath { get; set; }

    /// <summary>The Dropbox id of the folder chosen in the picker (or saved).</summary>
    public string? SourceFolderId { get; set; }

    /// <summary>The path <see cref="SourceFolderId"/> was chosen at: a path typed since makes the id stale.</summary>
    public string? SourceFolderPath { get; set; }

    /// <summary>Who collected files are for.</summary>
    public Guid? DestinationPersonId { get; set; }

    /// <summary>The binder they go to.</summary>
    public Guid? BinderId { get; set; }

    /// <summary><see cref="Daily"/> or <see cref="Custom"/>.</summary>
    public string ScheduleKind { get; set; } = Daily;

    /// <summary>The hour of a daily schedule.</summary>
    public int Hour { get; set; } = 6;

    /// <summary>The cron expression of a custom schedule.</summary>
    public string? Cron { get; set; }

    /// <summary>The schedule's time zone (blank: the default).</summary>
    public string? TimeZone { get; set; }

    /// <summary>Collect within seconds of a drop.</summary>
    public bool NearRealTime { get; set; } = true;

    /// <summary>What happens to a collected file.</summary>
    public AfterCollect AfterCollect { get; set; } = AfterCollect.Leave;

    /// <summary>Collect a file again when its content changes.</summary>
    public bool CollectChangedContent { get; set; }

    /// <summary>The channel runs.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The schedule as a cron expression.</summary>
    public string Schedule => ScheduleKind == Custom ? Cron?.Trim() ?? "" : CollectSchedule.Daily(Hour);

    /// <summary>The service's input.</summary>
    public CollectionChannelInput ToInput() => new()
    {
        Name = Name ?? "",
        ConnectionId = ConnectionId ?? Guid.Empty,
        SourcePath = SourcePath ?? "",
        SourceFolderId = string.IsNullOrWhiteSpace(SourceFolderId) || !SamePath(SourceFolderPath, SourcePath) ? null : SourceFolderId,
        DestinationPersonId = DestinationPersonId ?? Guid.Empty,
        BinderId = BinderId,
        Schedule = Schedule,
        TimeZone = string.IsNullOrWhiteSpace(TimeZone) ? null : TimeZone.Trim(),
        NearRealTime = NearRealTime,
        AfterCollect = AfterCollect,
        CollectChangedContent = CollectChangedContent,
        Enabled = Enabled,
    };

    /// <summary>The form of an existing channel.</summary>
    /// <param name="channel">The channel.</param>
    public static ChannelForm From(CollectionChannelInfo channel)
    {
        var input = CollectionChannelInput.Of(channel);
        var hour = CollectSchedule.DailyHour(input.Schedule);
        return new ChannelForm
        {
            Name = input.Name,
            ConnectionId = input.ConnectionId,
            SourcePath = input.SourcePath,
            SourceFolderId = input.SourceFolderId,
            SourceFolderPath = input.SourcePath,
            DestinationPersonId = input.DestinationPersonId,
            BinderId = input.BinderId,
            ScheduleKind = hour is null ? Custom : Daily,
            Hour = hour ?? 6,
            Cron = input.Schedule,
            TimeZone = input.TimeZone,
            NearRealTime = input.NearRealTime,
            AfterCollect = input.AfterCollect,
            CollectChangedContent = input.CollectChangedContent,
            Enabled = input.Enabled,
        };
    }

    private static bool SamePath(string? a, string? b) =>
        string.Equals(a?.Trim().TrimEnd('/'), b?.Trim().TrimEnd('/'), StringComparison.OrdinalIgnoreCase);
}
