using System.Globalization;
using DocSync.Core;
using DocSync.Core.Collect;
using DocSync.Core.Companies;
using DocSync.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DocSync.Web.Features.Collection;

/// <summary>"Collection › History": every run, newest first, filtered by channel, trigger, outcome, failures and dates; as CSV too.</summary>
[RequireRight(Right.ConfigureCollection)]
public sealed class HistoryModel(CollectService collect, TimeProvider time) : PageModel
{
    /// <summary>Runs per page.</summary>
    public const int PageSize = 50;

    /// <summary>The company of the URL.</summary>
    [FromRoute]
    public Guid CompanyId { get; set; }

    /// <summary>Only this channel's runs.</summary>
    [FromQuery(Name = "channel")]
    public Guid? ChannelId { get; set; }

    /// <summary>Only runs started so.</summary>
    [FromQuery(Name = "trigger")]
    public CollectTrigger? Trigger { get; set; }

    /// <summary>Only runs that ended so.</summary>
    [FromQuery(Name = "outcome")]
    public CollectRunOutcome? Outcome { get; set; }

    /// <summary>Only runs with a failed file.</summary>
    [FromQuery(Name = "failures")]
    public bool FailuresOnly { get; set; }

    /// <summary>Only runs started on or after this day.</summary>
    [FromQuery(Name = "from")]
    public DateOnly? From { get; set; }

    /// <summary>Only runs started on or before this day.</summary>
    [FromQuery(Name = "to")]
    public DateOnly? To { get; set; }

    /// <summary>The page of runs.</summary>
    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    /// <summary>The channels to filter by.</summary>
    public IReadOnlyList<CollectionChannelInfo> Channels { get; private set; } = [];

    /// <summary>The runs.</summary>
    public PagedResult<CollectionRunInfo> Runs { get; private set; } = null!;

    /// <summary>Lists the runs.</summary>
    public async Task OnGetAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        Channels = await collect.ListAsync(cancellationToken);
        Runs = await collect.ListRunsAsync(Query() with { Page = Core.Paging.Clamp(PageNumber), PageSize = PageSize }, cancellationToken);
    }

    /// <summary>The runs the filters keep, one line per file, as CSV.</summary>
    public async Task<IActionResult> OnGetCsvAsync()
    {
        var query = Query();
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename=\"docsync-collection-history-{time.GetUtcNow().ToString("yyyyMMdd", CultureInfo.InvariantCulture)}.csv\"";
        await collect.WriteHistoryCsvAsync(query, Response.Body, HttpContext.RequestAborted);
        return new EmptyResult();
    }

    /// <summary>The address of this page with the same filters, on <paramref name="page"/> or as CSV.</summary>
    /// <param name="page">A page number.</param>
    /// <param name="csv">The CSV instead.</param>
    public string Link(int page = 1, bool csv = false)
    {
        var parameters = new List<string>();
        void Add(string name, object? value)
        {
            if (value is not null)
            {
                parameters.Add($"{name}={Uri.EscapeDataString(Convert.ToString(value, CultureInfo.InvariantCulture)!)}");
            }
        }

        Add("handler", csv ? "csv" : null);
        Add("channel", ChannelId);
        Add("trigger", Trigger);
        Add("outcome", Outcome);
        Add("failures", FailuresOnly ? "true" : null);
        Add("from", From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("to", To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("page", page > 1 ? page : null);
        var path = $"/c/{CompanyId}/collection/history";
        return parameters.Count == 0 ? path : path + "?" + string.Join('&', parameters);
    }

    private CollectionRunQuery Query() => new()
    {
        ChannelId = ChannelId,
        Trigger = Trigger,
        Outcome = Outcome,
        WithFailures = FailuresOnly,
        From = From,
        To = To,
    };
}
