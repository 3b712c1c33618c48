using DocSync.Core.Companies;

namespace DocSync.Web.Security;

/// <summary>A page that needs <see cref="Right"/> in the company of its URL; others get the 403 page.</summary>
/// <param name="right">The right.</param>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class RequireRightAttribute(Right right) : Attribute
{
    /// <summary>The right.</summary>
    public Right Right { get; } = right;
}
