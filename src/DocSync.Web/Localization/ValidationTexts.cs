using System.ComponentModel.DataAnnotations;
using System.Reflection;
using DocSync.Core.Validation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace DocSync.Web.Localization;

/// <summary>
/// Every validation message a page shows comes from <see cref="Texts"/>, in the person's language:
/// model binding's own messages ("The value '' is invalid.") are replaced by ours, MVC adds no
/// implicit "The X field is required." for non-nullable properties (an empty text field binds as
/// an empty string, and the page or the service says what is missing), and a service's refusal is
/// shown by its rule's code (<c>validation.{code}</c>).
/// </summary>
public static class ValidationTexts
{
    /// <summary>Sets up MVC's validation messages from <paramref name="texts"/>.</summary>
    /// <param name="options">MVC's options.</param>
    /// <param name="texts">The texts.</param>
    public static void Configure(MvcOptions options, Texts texts)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(texts);
        options.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
        options.ModelMetadataDetailsProviders.Add(new EmptyTextStaysEmpty());
        options.ModelMetadataDetailsProviders.Add(new RequiredInOurWords());
        var messages = options.ModelBindingMessageProvider;
        messages.SetMissingBindRequiredValueAccessor(_ => texts["validation.required"]);
        messages.SetMissingKeyOrValueAccessor(() => texts["validation.required"]);
        messages.SetMissingRequestBodyRequiredValueAccessor(() => texts["validation.required"]);
        messages.SetValueMustNotBeNullAccessor(_ => texts["validation.required"]);
        messages.SetAttemptedValueIsInvalidAccessor((value, _) => texts.Format("validation.invalidValue", value));
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => texts.Format("validation.invalidValue", value));
        messages.SetUnknownValueIsInvalidAccessor(_ => texts["validation.invalid"]);
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => texts["validation.invalid"]);
        messages.SetValueIsInvalidAccessor(value => texts.Format("validation.invalidValue", value));
        messages.SetValueMustBeANumberAccessor(_ => texts["validation.number"]);
        messages.SetNonPropertyValueMustBeANumberAccessor(() => texts["validation.number"]);
    }

    /// <summary>
    /// A service's refusal in the person's language: <c>validation.{field}.{code}</c> when the field
    /// has its own sentence, else <c>validation.{code}</c>; the service's (English) sentence only for
    /// a rule no text knows yet.
    /// </summary>
    /// <param name="texts">The texts.</param>
    /// <param name="error">The refusal.</param>
    public static string Message(this Texts texts, ValidationError error)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(error);
        return texts.TryGet($"validation.{error.Field}.{error.Code}") ?? texts.Message(error.Code, error.Message);
    }

    /// <summary>A refusal in the person's language by its field and code (see <see cref="Message(Texts, ValidationError)"/>).</summary>
    /// <param name="texts">The texts.</param>
    /// <param name="field">The field refused.</param>
    /// <param name="code">The rule's code.</param>
    /// <param name="fallback">The service's sentence.</param>
    public static string Message(this Texts texts, string field, string code, string fallback) =>
        texts.Message(new ValidationError(field, code, fallback));

    /// <summary>A rule's sentence by its code (<c>validation.{code}</c>), or <paramref name="fallback"/>.</summary>
    /// <param name="texts">The texts.</param>
    /// <param name="code">The rule's code, e.g. <c>required</c>.</param>
    /// <param name="fallback">The service's sentence.</param>
    public static string Message(this Texts texts, string code, string fallback)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return texts.TryGet("validation." + code) ?? fallback;
    }

    // MVC requires a non-nullable value type (a date, an enum, a number) with a [Required] of its own
    // making, in English; this one is there first, so MVC adds none, and speaks the person's language.
    private sealed class RequiredInOurWords : IValidationMetadataProvider
    {
        public void CreateValidationMetadata(ValidationMetadataProviderContext context)
        {
            var type = context.Key.ModelType;
            // Only fields of a form model: a page's own properties (a query's page number) are not required by MVC either.
            if (context.Key.MetadataKind == ModelMetadataKind.Property && type.IsValueType && Nullable.GetUnderlyingType(type) is null
                && context.Key.ContainerType is { } container && !typeof(Microsoft.AspNetCore.Mvc.RazorPages.PageModel).IsAssignableFrom(container)
                && !context.ValidationMetadata.ValidatorMetadata.OfType<RequiredAttribute>().Any())
            {
                context.ValidationMetadata.ValidatorMetadata.Add(new TextsRequiredAttribute());
            }
        }
    }

    [AttributeUsage(AttributeTargets.Property)]
    private sealed class TextsRequiredAttribute : RequiredAttribute
    {
        private static readonly Texts Words = new();

        public override string FormatErrorMessage(string name) => Words["validation.required"];
    }

    // Without this an empty text field binds as null into a non-nullable string: the page would have
    // to guard every one. Nullable strings keep MVC's default (empty means "not given").
    private sealed class EmptyTextStaysEmpty : IDisplayMetadataProvider
    {
        private static readonly NullabilityInfoContext Nullability = new();

        public void CreateDisplayMetadata(DisplayMetadataProviderContext context)
        {
            if (context.Key.ModelType == typeof(string) && context.Key.PropertyInfo is { } property)
            {
                bool nonNullable;
                lock (Nullability)
                {
                    nonNullable = Nullability.Create(property).WriteState == NullabilityState.NotNull;
                }

                if (nonNullable)
                {
                    context.DisplayMetadata.ConvertEmptyStringToNull = false;
                }
            }
        }
    }
}
