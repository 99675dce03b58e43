using AngleSharp.Html.Dom;
using Attestation.Domain;
using Attestation.Domain.Applications;
using Attestation.Domain.Categories;
using Attestation.Domain.Commission;
using Attestation.Domain.Periods;
using Attestation.Testing;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Tests.Operator;

/// <summary>The commission's side: applications brought to «Проверено» with a recommendation and a mark, and meetings.</summary>
internal sealed partial class OperatorDesk
{
    /// <summary>A teacher with his application on its way to the commission.</summary>
    public sealed record Attestee(Guid ApplicationId, Guid TeacherId, string Login, string FullName);

    /// <summary>
    /// The period the attestees were attested in: it started four months before the test clock and is long over, so
    /// that scheduling, the conclusion and the coordinator's check all lie in the past.
    /// </summary>
    public Task<AttestationPeriod> PastPeriodAsync(int monthsAgo = 4)
    {
        var start = new DateOnly(Today.Year, Today.Month, 1).AddMonths(-monthsAgo);
        return PeriodAsync(start.Year, start.Month);
    }

    /// <summary>
    /// A teacher (named <paramref name="lastName"/> Ольга Ивановна) whose application for <paramref name="claimed"/> went
    /// the whole way to <paramref name="stage"/>: submitted six months ago, registered, scheduled in
    /// <paramref name="period"/> with two experts of its municipality, the experts' conclusion with
    /// <paramref name="recommendation"/>, signed, and the coordinator's <paramref name="mark"/> (the recommendation when
    /// not given). A simplified-form application skips the experts and is checked right after registration.
    /// </summary>
    public async Task<Attestee> AttesteeAsync(string login, string lastName, QualificationCategory claimed,
        AttestationPeriod period, Conformity recommendation = Conformity.Corresponds, Conformity? mark = null,
        int? municipalityId = null, int? organisationId = null, bool simplified = false,
        ApplicationStage stage = ApplicationStage.Verified, bool wantsToAttend = false)
    {
        var municipality = municipalityId ?? Directory.Tomsk.Id;
        var organisation = organisationId ?? Directory.Lyceum.Id;
        var teacher = await factory.CreateUserAsync(Roles.Teacher, login, user =>
        {
            user.LastName = lastName;
            user.FirstName = "Ольга";
            user.MiddleName = "Ивановна";
            user.MunicipalityId = municipality;
            user.OrganisationId = organisation;
            user.PositionId = Directory.SchoolTeacher.Id;
        });
        var submittedAt = Now.AddMonths(-6);
        var checkedAt = Now.AddDays(-20);
        var application = Submitted(teacher, submittedAt, simplified)
            .With(details => details with
            {
                ClaimedCategory = claimed,
                CurrentCategory = claimed == QualificationCategory.First ? QualificationCategory.None : QualificationCategory.Highest,
                WantsToAttendMeeting = wantsToAttend,
            })
            .Concluded(recommendation, checkedAt.AddDays(-3))
            .SignedCopy(checkedAt.AddDays(-2))
            .Verified(mark ?? recommendation, checkedAt);
        if (!simplified)
            application.Scheduled(period, await CreateExpertAsync($"{login}.ea", "Экспертова", municipality),
                await CreateExpertAsync($"{login}.eb", "Проверяева", municipality), submittedAt.AddDays(2));

        var saved = await application.AtAsync(simplified ? ApplicationStage.Verified : stage);
        return new Attestee(saved.Id, teacher.Id, login, saved.FullName);
    }

    /// <summary>A meeting with <paramref name="attestees"/> on its list, made through the domain (as the page does).</summary>
    public async Task<Guid> MeetingAsync(DateOnly date, string protocol, params Attestee[] attestees)
    {
        await using var db = factory.OpenDb();
        var meeting = new CommissionMeeting(date, protocol, Guid.CreateVersion7(), Now);
        var ids = attestees.Select(a => a.ApplicationId).ToList();
        foreach (var application in await db.Applications.Where(a => ids.Contains(a.Id)).ToListAsync())
            meeting.Add(application);
        db.CommissionMeetings.Add(meeting);
        await db.SaveChangesAsync();
        return meeting.Id;
    }

    /// <summary>The commission's decision on each of <paramref name="attestees"/> and, when given, the order, through the domain.</summary>
    public async Task DecideAsync(Guid meetingId, DecisionOutcome outcome, (string Number, DateOnly Date)? order, params Attestee[] attestees)
    {
        await using var db = factory.OpenDb();
        var meeting = await db.CommissionMeetings.Include(m => m.Items).SingleAsync(m => m.Id == meetingId);
        var ids = attestees.Select(a => a.ApplicationId).ToList();
        var applications = await db.Applications.Where(a => ids.Contains(a.Id)).ToListAsync();
        var byOperator = new Actor(Guid.CreateVersion7(), Roles.Operator);
        foreach (var application in applications)
            meeting.Decide(application, outcome, byOperator, Now, Tomsk);
        if (order is { } o)
        {
            meeting.RecordOrder(o.Number, o.Date, Today);
            foreach (var application in applications)
                application.RecordOrder(o.Number, o.Date, byOperator, Now);
        }
        await db.SaveChangesAsync();
    }

    public async Task<T> ReadAsync<T>(Func<AttestationDbContext, Task<T>> query)
    {
        await using var db = factory.OpenDb();
        return await query(db);
    }

    /// <summary>
    /// Posts a form whose check boxes share one name (several values under one key, which the form client's dictionary
    /// cannot hold): the antiforgery token and the given values, to where the form points.
    /// </summary>
    public static Task<HttpResponseMessage> PostCheckedAsync(HttpClient client, IHtmlDocument page, string formSelector,
        string name, IEnumerable<string> values)
    {
        var form = page.QuerySelector(formSelector) as IHtmlFormElement
            ?? throw new InvalidOperationException($"No form '{formSelector}' on the page.");
        var fields = form.Elements.OfType<IHtmlInputElement>()
            .Where(input => input.Type == "hidden" && !string.IsNullOrEmpty(input.Name))
            .Select(input => new KeyValuePair<string, string>(input.Name!, input.Value))
            .Concat(values.Select(value => new KeyValuePair<string, string>(name, value)))
            .ToList();
        return client.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(fields));
    }
}
