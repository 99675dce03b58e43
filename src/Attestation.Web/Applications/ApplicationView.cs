using Attestation.Domain.Applications;
using Attestation.Domain.Categories;
using Attestation.Domain.Periods;
using Attestation.Domain.Rules;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Data.ReadModel;
using Attestation.Web.Documents;
using Attestation.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Applications;

/// <summary>An application as people read it: names instead of ids, the two clocks, the history with who did what.</summary>
public sealed record ApplicationDetailsView(
    Application Application,
    string Municipality,
    string Organisation,
    string Position,
    string? Subject,
    AttestationPeriod? Period,
    PeriodDeadlines? Deadlines,
    IReadOnlyList<PersonView> Experts,
    ConsiderationClock? Consideration,
    AttestationClock? Attestation,
    IReadOnlyList<HistoryEntry> History)
{
    /// <summary>The teacher's contacts and his own genitive of his name, from his account, for the printed documents.</summary>
    public TeacherProfile Teacher { get; init; } = TeacherProfile.None;

    /// <summary>The letters about the application, the first queued first: «мне ничего не приходило» is answered here.</summary>
    public IReadOnlyList<LetterEntry> Letters { get; init; } = [];

    /// <summary>«учитель математики».</summary>
    public string PositionWithSubject => WorkText.PositionWithSubject(Position, Subject);

    public string ClaimedCategoryText => Application.ClaimedCategory?.ToRussian() ?? "не указана";
    public string FormText => Application.Form?.ToRussian() ?? "не указана";
    public string CurrentCategoryText => Application.CurrentCategory == QualificationCategory.None
        ? "не имею"
        : Application.CurrentCategory.ToRussian();
}

/// <summary>A person with his work, as printed in schedules: «Иванова Анна Петровна, учитель, МАОУ СОШ № 2».</summary>
public sealed record PersonView(Guid Id, string FullName, string? Position, string? Organisation, string? Phone, string? Email)
{
    public string? Subject { get; init; }

    /// <summary>«Иванова Анна Петровна, учитель математики, МАОУ СОШ № 2».</summary>
    public string WithWork => WorkText.PersonWithWork(FullName, Position, Subject, Organisation);
}

/// <summary>
/// The files of an application as every card lists them (<c>_ApplicationFiles</c>): the documents, the conclusion and its
/// signed copy, the withdrawal scan; <paramref name="FileUrl"/> is the page's own download link.
/// </summary>
public sealed record ApplicationFilesCard(ApplicationDetailsView View, Func<Guid, string?> FileUrl, bool WithConclusion = true);

public sealed record HistoryEntry(int Number, DateTimeOffset At, string Description, string? Reason, string Actor);

/// <summary>A letter about an application as its card lists it: when it was queued, to whom, and how it went (local times).</summary>
public sealed record LetterEntry(DateTimeOffset QueuedAt, string Subject, string To, OutboxStatus Status, DateTimeOffset? SentAt,
    int Attempts);

public sealed class ApplicationView(AttestationDbContext db, RegionTime region)
{
    public async Task<ApplicationDetailsView> BuildAsync(Application application, CancellationToken ct)
    {
        // The names, the municipality's way with conclusions and the period in one statement.
        var found = await db.Applications.AsNoTracking().Where(a => a.Id == application.Id).ToRows(db)
            .Select(r => new
            {
                Names = r,
                HandsToSubjectGroup = db.Municipalities.Where(m => m.Id == r.MunicipalityId).Select(m => m.HandsConclusionsToSubjectGroup).First(),
                Period = db.Periods.AsNoTracking().FirstOrDefault(p => p.Id == r.PeriodId),
            })
            .SingleAsync(ct);
        var (names, handsToSubjectGroup, period) = (found.Names, found.HandsToSubjectGroup, found.Period);

        var expertIds = new[] { application.ExpertAId, application.ExpertBId }.OfType<Guid>().ToList();
        var actorIds = application.Events.Select(e => e.ActorId).OfType<Guid>().Distinct().ToList();
        var people = await PeopleAsync(expertIds.Concat(actorIds).Distinct().ToList(), ct);

        var history = application.Events
            .OrderBy(e => e.Number)
            .Select(e => new HistoryEntry(e.Number, region.ToLocal(e.At), e.Description, e.Reason,
                ActorText(e.ActorId, e.ActorRole, people)))
            .ToList();

        return new ApplicationDetailsView(
            application,
            names.Municipality, names.Organisation, names.Position, names.Subject,
            period,
            period is null ? null : PeriodCalendar.Deadlines(period, handsToSubjectGroup),
            expertIds.Where(people.ContainsKey).Select(id => people[id]).ToList(),
            ApplicationClocks.Consideration(application, region.Now, region.Zone),
            period is null ? null : ApplicationClocks.Attestation(application, period, region.Now, region.Zone),
            history)
        {
            Teacher = await db.TeacherProfileAsync(application.TeacherId, ct),
            Letters = (await db.OutboxMessages.AsNoTracking()
                    .Where(m => m.ApplicationId == application.Id)
                    .OrderBy(m => m.Id)
                    .Select(m => new { m.QueuedAt, m.Subject, m.To, m.Status, m.SentAt, m.Attempts })
                    .ToListAsync(ct))
                .Select(m => new LetterEntry(region.ToLocal(m.QueuedAt), m.Subject, m.To, m.Status,
                    m.SentAt is { } sent ? region.ToLocal(sent) : null, m.Attempts))
                .ToList(),
        };
    }

    private async Task<Dictionary<Guid, PersonView>> PeopleAsync(List<Guid> ids, CancellationToken ct) =>
        (await db.PeopleAsync(ids, ct)).ToDictionary(
            p => p.Key,
            p => new PersonView(p.Key, p.Value.FullName, p.Value.Position, p.Value.Organisation, p.Value.Phone, p.Value.Email)
            {
                Subject = p.Value.Subject,
            });

    private static string ActorText(Guid? actorId, string? role, Dictionary<Guid, PersonView> people)
    {
        var name = actorId is { } id && people.TryGetValue(id, out var person) ? person.FullName : "Система";
        return role is null ? name : $"{name} ({Roles.DisplayName(role)})";
    }
}
