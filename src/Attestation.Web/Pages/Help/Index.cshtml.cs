using Attestation.Domain.Periods;
using Attestation.Web.Authorization;
using Attestation.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attestation.Web.Pages.Help;

/// <summary>
/// «Справка»: what each role does when, in the words of the region's own manuals (the municipal coordinator's manual,
/// the experts' «Процедурные мероприятия», the school's cyclogram), with this month's dates. Open to everyone: a
/// teacher reads it before registering; a signed-in person lands on his own role's part.
/// </summary>
[AllowAnonymous]
public sealed class IndexModel(RegionTime region) : PageModel
{
    /// <summary>The parts of the help, in the order of the work, by their address.</summary>
    public static IReadOnlyList<(string Slug, string Role)> Parts { get; } =
    [
        ("teacher", Roles.Teacher),
        ("school", Roles.SchoolCoordinator),
        ("municipality", Roles.MunicipalCoordinator),
        ("expert", Roles.Expert),
        ("operator", Roles.Operator),
    ];

    [BindProperty(SupportsGet = true)]
    public string? Part { get; set; }

    /// <summary>The role whose help is shown.</summary>
    public string Role { get; private set; } = Roles.Teacher;

    /// <summary>This month's deadlines of the monthly cycle (SPEC §4), in the region's calendar.</summary>
    public MonthDeadlines Month { get; private set; } = null!;

    public sealed record MonthDeadlines(DateOnly Registration, DateOnly Schedule, DateOnly ConclusionToSubjectGroup,
        DateOnly ConclusionToCoordinator, DateOnly ConclusionUpload, DateOnly ExpertScheduleVisible);

    public IActionResult OnGet()
    {
        if (Part is null)
        {
            var own = Roles.All.FirstOrDefault(User.IsInRole);
            Role = own ?? Roles.Teacher;
        }
        else if (Parts.FirstOrDefault(p => p.Slug == Part) is { Role: { } role })
            Role = role;
        else
            return NotFound();

        var today = region.Today;
        DateOnly Day(int day) => new(today.Year, today.Month, day);
        Month = new MonthDeadlines(
            Day(PeriodCalendar.RegistrationDeadlineDay), Day(PeriodCalendar.ScheduleDeadlineDay),
            Day(PeriodCalendar.ConclusionToSubjectGroupDay), Day(PeriodCalendar.ConclusionToCoordinatorDay),
            Day(PeriodCalendar.ConclusionUploadDay), Day(PeriodCalendar.ExpertScheduleVisibleFromDay));
        return Page();
    }

    public static string SlugOf(string role) => Parts.First(p => p.Role == role).Slug;
}
