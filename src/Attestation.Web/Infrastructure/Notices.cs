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
}
