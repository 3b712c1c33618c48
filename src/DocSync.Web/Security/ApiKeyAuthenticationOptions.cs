using Microsoft.AspNetCore.Authentication;

namespace DocSync.Web.Security;

/// <summary>Options of the API key scheme (none beyond the defaults).</summary>
public sealed class ApiKeyAuthenticationOptions : AuthenticationSchemeOptions;
