using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace DocSync.Core.Reading;

/// <summary>Registers document reading.</summary>
public static class ReadingServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ReadingOptions"/> (from <c>DocSync:Reading</c>, validated on start) and
    /// the <see cref="DocumentReader"/> as a singleton, so that its limit on concurrent external
    /// tools holds across the whole process.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The configuration root.</param>
    public static IServiceCollection AddDocSyncReading(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ReadingOptions>().Bind(configuration.GetSection(ReadingOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ReadingOptions>, ReadingOptionsValidator>());
        services.TryAddSingleton<DocumentReader>();
        return services;
    }
}
