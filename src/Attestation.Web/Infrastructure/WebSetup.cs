using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Attestation.Web.Authorization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using Microsoft.Extensions.WebEncoders;

namespace Attestation.Web.Infrastructure;

public static class WebSetup
{
    public static readonly CultureInfo Russian = CultureInfo.GetCultureInfo("ru-RU");

    /// <summary>
    /// Razor (pages and document templates alike) would otherwise write every Cyrillic letter as an HTML entity, eight
    /// bytes for one letter: a journal of 1,000 rows would be 1 MB of HTML instead of 0.4.
    /// </summary>
    public static void AllowRussianText(WebEncoderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.BasicLatin, UnicodeRanges.Latin1Supplement,
            UnicodeRanges.Cyrillic, UnicodeRanges.GeneralPunctuation, UnicodeRanges.LetterlikeSymbols);
    }

    public static IServiceCollection AddPortalPages(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<RegionOptions>(configuration.GetSection(RegionOptions.Section));
        services.Configure<AccessibilityOptions>(configuration.GetSection(AccessibilityOptions.Section));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<RegionTime>();
        services.AddScoped<Notifications.InvitationSender>();
        services.AddScoped<OwnProfile>();
        services.AddScoped<AccountDirectory>();
        services.AddAuditLog();
        services.Configure<Data.ReadModel.MonitoringOptions>(configuration.GetSection(Data.ReadModel.MonitoringOptions.Section));
        services.AddScoped<Data.ReadModel.MonitoringQuery>();
        services.AddScoped<Data.ReadModel.MonitoringReports>();

        services.Configure<WebEncoderOptions>(AllowRussianText);

        services.AddRazorPages(options => options.AuthorizeAreas().AnswerFormMethodsOnly())
            .AddMvcOptions(options =>
            {
                options.ModelBindingMessageProvider.UseRussian();
                options.Filters.Add<SafeInputPageFilter>();
                options.Filters.Add<UnknownHandlerFilter>();
            });
        services.AddSafeInput();

        services.AddRequestLocalization(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(Russian);
            options.SupportedCultures = [Russian];
            options.SupportedUICultures = [Russian];
        });
        return services;
    }

    /// <summary>Model binding messages appear next to fields: they must be Russian too.</summary>
    private static void UseRussian(this DefaultModelBindingMessageProvider messages)
    {
        messages.SetAttemptedValueIsInvalidAccessor((value, _) => $"Значение «{value}» указано неверно.");
        messages.SetMissingBindRequiredValueAccessor(_ => "Заполните это поле.");
        messages.SetMissingKeyOrValueAccessor(() => "Заполните это поле.");
        messages.SetMissingRequestBodyRequiredValueAccessor(() => "Запрос пуст.");
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"Значение «{value}» указано неверно.");
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => "Значение указано неверно.");
        messages.SetNonPropertyValueMustBeANumberAccessor(() => "Укажите число.");
        messages.SetUnknownValueIsInvalidAccessor(_ => "Значение указано неверно.");
        messages.SetValueIsInvalidAccessor(value => $"Значение «{value}» указано неверно.");
        messages.SetValueMustBeANumberAccessor(_ => "Укажите число.");
        messages.SetValueMustNotBeNullAccessor(_ => "Заполните это поле.");
    }
}
