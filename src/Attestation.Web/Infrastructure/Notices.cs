using Attestation.Domain.Applications;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attestation.Web.Infrastructure;

/// <summary>
/// What a page tells after a post and a redirect, in one place: a success in green (the page's <c>StatusMessage</c>),
/// a refusal in red (<see cref="Refuse"/>), both shown by <c>_StatusMessage</c>; and the one wording of a save that
/// lost to a change made meanwhile.
/// </summary>
public static class Notices
{
    /// <summary>The TempData key of a refusal; <c>_StatusMessage</c> shows it as a red alert.</summary>
    public const string RefusalKey = "RefusalMessage";

    /// <summary>Tells the next page, in red, why nothing was done.</summary>
    public static void Refuse(this PageModel page, string message)
    {
        ArgumentNullException.ThrowIfNull(page);
        page.TempData[RefusalKey] = message;
    }

    /// <summary>
    /// «Заявление только что изменили …»: the save lost to a change made in another tab or by another person; with
    /// <paramref name="whose"/> («Иванова Мария Петровна») in a list of several applications.
    /// </summary>
    public static string ChangedMeanwhile(string? whose = null) =>
        (whose is null ? "Заявление" : $"{whose}: заявление")
        + " только что изменили (в другой вкладке или другой пользователь). Проверьте его состояние и при необходимости повторите действие.";

    /// <summary>
    /// «Заявление изменили, пока вы его редактировали …»: the form was read at an older version of the application; its
    /// input stays in the form, and the page shows the application as it is now.
    /// </summary>
    public const string EditedMeanwhile =
        "Заявление изменили, пока вы его редактировали. Ваши данные остались в форме: проверьте текущее состояние заявления и сохраните ещё раз.";

    /// <summary>
    /// The version check of an application's form: when the application changed after <paramref name="seen"/> (the
    /// version the form carries), the refusal goes above the form, the form takes the current version (so that the next
    /// save is a conscious one) and true is returned.
    /// </summary>
    public static bool IsStale(this ModelStateDictionary modelState, Application application, int? seen, string versionField,
        Action<int> takeVersion)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(takeVersion);
        if (seen is not { } version || !application.ChangedSince(version))
            return false;
        modelState.AddModelError(string.Empty, EditedMeanwhile);
        modelState.Remove(versionField);
        takeVersion(application.LastEventNumber);
        return true;
    }
}
