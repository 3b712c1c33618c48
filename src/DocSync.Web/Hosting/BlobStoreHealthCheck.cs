using DocSync.Core.Blobs;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DocSync.Web.Hosting;

/// <summary>Unhealthy when a blob cannot be written now (folder read-only, gone, disk full): uploads would fail.</summary>
internal sealed class BlobStoreHealthCheck(BlobStore store) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            store.ProbeWritable();
            return Task.FromResult(HealthCheckResult.Healthy());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("The blob store cannot be written to.", e));
        }
    }
}
