using Attestation.Domain.Applications;

namespace Attestation.Web.Areas.Operator.Pages.Print;

/// <summary>
/// Which applications «Печать заявлений» prints: the submitted ones of one municipality that belong to the chosen period,
/// or those still waiting for a period.
/// </summary>
/// <remarks>
/// An application of a period is one the municipal coordinator put into it (registered, scheduled, with its conclusion
/// or decided): these are the ones the commission will look at. A draft is not an application yet, a rejected one is back
/// with the teacher, and a registered withdrawal takes the application out of its period. The applications without a
/// period (submitted or registered, as the coordinator's «Без назначенного периода аттестации» filter shows them) are
/// a choice of their own, so that nothing submitted is out of the operator's reach.
/// </remarks>
public static class PrintSelection
{
    public static IQueryable<Application> Of(IQueryable<Application> applications, int municipalityId, Guid? periodId)
    {
        ArgumentNullException.ThrowIfNull(applications);
        var inMunicipality = applications.Where(a => a.MunicipalityId == municipalityId);
        return periodId is { } id
            ? inMunicipality.Where(a => a.PeriodId == id).Where(ApplicationFilters.StatusIn(ApplicationRules.OfAPeriod))
            : inMunicipality.Where(a => a.PeriodId == null).Where(ApplicationFilters.StatusIn(ApplicationRules.BeforeAPeriod));
    }

    /// <summary>The order of the schedule: alphabetical.</summary>
    public static IOrderedQueryable<Application> Alphabetical(this IQueryable<Application> applications) =>
        applications.OrderBy(a => a.LastName).ThenBy(a => a.FirstName).ThenBy(a => a.MiddleName).ThenBy(a => a.Id);
}
