using Attestation.Domain;
using Attestation.Domain.Applications;
using Attestation.Domain.Periods;
using Attestation.Testing;
using Attestation.Web.Data;

namespace Attestation.Web.Tests.Operator.Schedule;

/// <summary>
/// A municipality of its own with its coordinator (and work phone), two approved experts, two attestees scheduled into
/// a period, one put into it without experts, and one registered without a period.
/// </summary>
internal sealed record ScheduleScene(
    MunicipalWorld.Place Place,
    AppUser Coordinator,
    AppUser ExpertA,
    AppUser ExpertB,
    Application First,
    Application Second,
    Application WithoutExperts,
    Application WithoutPeriod)
{
    public int MunicipalityId => Place.Municipality.Id;

    public string Name => Place.Municipality.Name;

    public static async Task<ScheduleScene> CreateAsync(MunicipalFactory factory, MunicipalWorld world, string name,
        AttestationPeriod period, string phone = "+7 (3822) 46-03-17")
    {
        var place = await world.MunicipalityAsync(name);
        var coordinator = await world.CoordinatorAsync(place, "Лебедева", phone);
        var a = await world.ExpertAsync(place, "Фёдоров");
        var b = await world.ExpertAsync(place, "Громов");
        // Names are Russian letters only: the number that keeps them apart is spelt with letters.
        var suffix = string.Concat(MunicipalWorld.Next().Select(d => (char)('а' + (d - '0'))));
        var first = await world.ApplicationAsync(place, $"Абрамова{suffix}", ApplicationStage.Scheduled, period, a, b);
        var second = await world.ApplicationAsync(place, $"Борисова{suffix}", ApplicationStage.Scheduled, period, a, b,
            form: AttestationForm.Distance);
        var withoutExperts = await world.ApplicationAsync(place, $"Васильева{suffix}", ApplicationStage.Registered);
        await AssignPeriodAsync(factory, withoutExperts.Id, period);
        var withoutPeriod = await world.ApplicationAsync(place, $"Григорьева{suffix}", ApplicationStage.Registered);
        return new ScheduleScene(place, coordinator, a, b, first, second, withoutExperts, withoutPeriod);
    }

    /// <summary>Puts a registered application into the period (no experts yet) while the period was still open.</summary>
    private static async Task AssignPeriodAsync(MunicipalFactory factory, Guid applicationId, AttestationPeriod period)
    {
        var at = period.IsOpenForScheduling(factory.Now, MunicipalFactory.Zone)
            ? factory.Now.AddHours(-2)
            : RegionClock.StartOfDay(PeriodCalendar.ScheduleDeadline(period).AddDays(-3), MunicipalFactory.Zone).AddHours(12);
        await factory.Applications.Saved(applicationId).InPeriod(period, at).AtAsync(ApplicationStage.Registered);
    }
}
