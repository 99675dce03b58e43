using System.Globalization;
using Attestation.Domain;
using Attestation.Domain.Applications;
using Attestation.Domain.Categories;
using Attestation.Domain.Commission;
using Attestation.Domain.Experts;
using Attestation.Domain.Periods;
using Attestation.Web.Authorization;
using Attestation.Web.Documents;
using Attestation.Web.Storage;

namespace Attestation.Web.Data.Demo;

public sealed partial class DemoSeeder
{
    /// <summary>What the demo shows: every status, a few near the 30-day limit, a pending withdrawal.</summary>
    private enum Scenario
    {
        Draft, Submitted, Rejected, Registered, RegisteredSimplified, ScheduledOpen, ScheduledClosed,
        ConclusionUploaded, ConclusionSigned, Verified, Decided, Withdrawn, WithdrawalPending,
    }

    private static readonly (Scenario Scenario, int Count)[] Mix =
    [
        (Scenario.Draft, 5), (Scenario.Submitted, 7), (Scenario.Rejected, 3), (Scenario.Registered, 5),
        (Scenario.RegisteredSimplified, 1), (Scenario.ScheduledOpen, 4), (Scenario.ScheduledClosed, 5),
        (Scenario.ConclusionUploaded, 4), (Scenario.ConclusionSigned, 3), (Scenario.Verified, 4), (Scenario.Decided, 5),
        (Scenario.Withdrawn, 2), (Scenario.WithdrawalPending, 1),
    ];

    /// <summary>Days since submission of the «Подано» applications: the 30-day clock in green, amber and red.</summary>
    private static readonly int[] SubmittedAges = [2, 9, 16, 22, 25, 28, 33];

    private sealed record Context(
        Directory Directory,
        Dictionary<(int Year, int Month), AttestationPeriod> Periods,
        People People,
        Dictionary<int, ApprovedExpertList> Lists);

    private async Task SeedApplicationsAsync(Directory directory, Dictionary<(int Year, int Month), AttestationPeriod> periods,
        People people, Dictionary<int, ApprovedExpertList> lists, CancellationToken ct)
    {
        var context = new Context(directory, periods, people, lists);
        var scenarios = _faker.Random.Shuffle(Mix.SelectMany(m => Enumerable.Repeat(m.Scenario, m.Count))).ToList();
        var submittedAges = new Queue<int>(SubmittedAges);

        // The demo teacher: «первая» set last year through the portal, now applying for «высшая» (scheduled).
        var demoTeacher = people.Teacher;
        var earlier = Build(context, demoTeacher, QualificationCategory.First, QualificationCategory.None, AttestationForm.InPerson);
        await AdvanceAsync(context, earlier, Scenario.Decided, submittedAges, preferDemoExpert: true, ct);
        db.HeldCategories.Add(earlier.CreateEstablishedCategory("учитель"));
        var current = Build(context, demoTeacher, QualificationCategory.Highest, QualificationCategory.First, AttestationForm.InPerson);
        await AdvanceAsync(context, current, Scenario.ScheduledClosed, submittedAges, preferDemoExpert: true, ct);
        db.Applications.AddRange(earlier, current);

        var others = people.Teachers.SelectMany(t => t.Value).Where(t => t != demoTeacher).ToList();
        foreach (var (teacher, scenario) in others.Zip(scenarios))
        {
            var claimed = _faker.Random.WeightedRandom(
                [QualificationCategory.First, QualificationCategory.Highest, QualificationCategory.Methodist, QualificationCategory.Mentor],
                [0.45f, 0.4f, 0.08f, 0.07f]);
            var held = claimed switch
            {
                QualificationCategory.First => QualificationCategory.None,
                QualificationCategory.Highest => QualificationCategory.First,
                _ => QualificationCategory.Highest,
            };
            var form = _faker.Random.Bool(0.75f) ? AttestationForm.InPerson : AttestationForm.Distance;
            var application = Build(context, teacher, claimed, held, form, simplified: scenario == Scenario.RegisteredSimplified);
            await AdvanceAsync(context, application, scenario, submittedAges, preferDemoExpert: _faker.Random.Bool(), ct);
            db.Applications.Add(application);
        }
        FinishRegionalWork(context);
        await db.SaveChangesAsync(ct);
    }

    private Application Build(Context context, Person teacher, QualificationCategory claimed, QualificationCategory held,
        AttestationForm form, bool simplified = false)
    {
        var user = teacher.User;
        var created = _now.AddDays(-_faker.Random.Int(1, 10));
        var application = Application.StartDraft(user.Id, new PersonName(user.LastName, user.FirstName, user.MiddleName),
            user.MunicipalityId!.Value, user.OrganisationId!.Value, user.PositionId!.Value, user.SubjectId, teacher.Actor, created);

        DateOnly? heldExpires = null;
        string? heldDecision = null;
        DateOnly? heldDecisionDate = null;
        if (held != QualificationCategory.None)
        {
            var legacy = _faker.Random.Bool(0.5f);
            var setOn = legacy
                ? new DateOnly(_faker.Random.Int(2019, 2022), _faker.Random.Int(1, 12), _faker.Random.Int(1, 28))
                : new DateOnly(_faker.Random.Int(2024, 2025), _faker.Random.Int(1, 12), _faker.Random.Int(1, 28));
            heldDecision = $"{_faker.Random.Int(100, 1900)}-р";
            heldDecisionDate = setOn;
            var record = HeldCategory.Record(user.Id, held, PositionName(context, user.PositionId!.Value), setOn, heldDecision, setOn);
            heldExpires = record.ExpiresOn;
            db.HeldCategories.Add(record);
        }

        var links = string.Join('\n',
            $"https://{Slug(user.LastName)}.tomsk.edu.example/portfolio",
            $"https://edu.tomsk.example/teachers/{_faker.Random.Int(1000, 9999)}");
        application.UpdateDraft(new ApplicationDetails
        {
            LastName = user.LastName,
            FirstName = user.FirstName,
            MiddleName = user.MiddleName,
            MunicipalityId = user.MunicipalityId!.Value,
            OrganisationId = user.OrganisationId!.Value,
            PositionId = user.PositionId!.Value,
            SubjectId = user.SubjectId,
            CurrentCategory = held,
            CurrentCategoryExpiresOn = heldExpires,
            CurrentCategoryDecisionNumber = heldDecision,
            CurrentCategoryDecisionDate = heldDecisionDate,
            ClaimedCategory = claimed,
            Form = form,
            SimplifiedGrounds = simplified
                ? "Победитель регионального этапа конкурса «Учитель года» в течение последних трёх лет"
                : null,
            EducationInstitution = _faker.PickRandom(
                "Томский государственный педагогический университет", "Томский государственный университет",
                "Томский педагогический колледж", "Новосибирский государственный педагогический университет"),
            EducationYear = _faker.Random.Int(1992, 2018),
            EducationSpeciality = "педагогическое образование",
            EducationQualification = _faker.PickRandom("учитель", "бакалавр", "воспитатель детей дошкольного возраста"),
            PedagogicalServiceYears = _faker.Random.Int(5, 30),
            PositionServiceYears = _faker.Random.Int(3, 20),
            OrganisationServiceYears = _faker.Random.Int(2, 15),
            Awards = _faker.Random.Bool(0.3f) ? "Почётная грамота Департамента общего образования Томской области" : null,
            Development = "Курсы повышения квалификации ТОИПКРО «Обновлённые ФГОС: содержание и технологии», 72 ч.",
            ResultsGrounds = "Стабильные положительные результаты освоения обучающимися образовательных программ; " +
                "участие обучающихся в олимпиадах и конкурсах; личный вклад в повышение качества образования.",
            WantsToAttendMeeting = _faker.Random.Bool(0.2f),
            ResultLinks = links,
            LessonRecordingLink1 = form == AttestationForm.Distance ? "https://video.tomsk.example/lesson-1" : null,
            LessonRecordingLink2 = form == AttestationForm.Distance ? "https://video.tomsk.example/lesson-2" : null,
            PersonalDataConsent = true,
        }, teacher.Actor, created.AddMinutes(20));
        return application;
    }

    /// <summary>Takes an application from draft to the scenario's status, at dates consistent with its period.</summary>
    private async Task AdvanceAsync(Context context, Application application, Scenario scenario, Queue<int> submittedAges,
        bool preferDemoExpert, CancellationToken ct)
    {
        var teacher = FindPerson(context, application.TeacherId);
        var coordinator = context.People.Coordinators[application.MunicipalityId].Actor;
        var period = PeriodFor(context, scenario);
        if (period is null && scenario is not (Scenario.Draft or Scenario.Submitted or Scenario.Rejected or Scenario.Registered
                or Scenario.RegisteredSimplified))
            scenario = Scenario.Registered;

        var clock = new Timeline(_now);
        switch (scenario)
        {
            case Scenario.Draft:
                return;
            case Scenario.Submitted:
                application.Submit(teacher, clock.At(_now.AddDays(-SubmittedAge(context, application, submittedAges))));
                return;
            case Scenario.Rejected:
                application.Submit(teacher, clock.At(_now.AddDays(-_faker.Random.Int(30, 45))));
                application.Reject(coordinator,
                    "Неверно указана должность в заявлении; не читается подпись на скане заявления. " +
                    "Исправьте и подайте заявление повторно.", clock.After(days: _faker.Random.Int(2, 6)));
                return;
            case Scenario.Registered or Scenario.RegisteredSimplified:
                application.Submit(teacher, clock.At(_now.AddDays(-_faker.Random.Int(8, 25))));
                Register(application, coordinator, clock.After(days: _faker.Random.Int(1, 6)));
                return;
        }

        var closing = PeriodCalendar.ClosingTime(period!, _zone);
        var submitted = (closing < _now ? closing : _now).AddDays(-_faker.Random.Int(20, 40));
        application.Submit(teacher, clock.At(submitted));
        Register(application, coordinator, clock.After(days: _faker.Random.Int(1, 7)));
        var (expertA, expertB) = PickExperts(context, application.MunicipalityId, preferDemoExpert);
        var list = context.Lists[period!.SchoolYear.StartYear];
        application.Schedule(period, expertA.User.Id, expertB.User.Id, list, coordinator, clock.After(days: _faker.Random.Int(1, 5)), _zone);

        if (scenario is Scenario.ScheduledOpen or Scenario.ScheduledClosed)
            return;
        if (scenario is Scenario.Withdrawn or Scenario.WithdrawalPending)
        {
            var reason = _faker.PickRandom(WithdrawalReason.Dismissal, WithdrawalReason.Health);
            application.FileWithdrawal(reason, null, byCoordinator: false, documentFileId: null, teacher, clock.After(days: 3));
            if (scenario == Scenario.Withdrawn)
                application.RegisterWithdrawal(coordinator, clock.After(days: 2));
            return;
        }

        var start = RegionClock.StartOfDay(period.StartDate, _zone).AddHours(11);
        var recommendation = _faker.Random.Bool(0.9f) ? Conformity.Corresponds : Conformity.DoesNotCorrespond;
        var conclusionAt = clock.At(start.AddDays(_faker.Random.Int(30, 40)));
        application.AttachConclusion(await DemoConclusionAsync(context, application, period, recommendation, false, expertA, conclusionAt, ct),
            recommendation,
            recommendation == Conformity.Corresponds ? null : "Результаты профессиональной деятельности не подтверждены в полном объёме.",
            expertA.Actor, conclusionAt);
        if (scenario == Scenario.ConclusionUploaded)
            return;

        var signedAt = clock.After(days: _faker.Random.Int(1, 3));
        var teacherPerson = new Person(context.People.Teachers.Values.SelectMany(t => t).First(t => t.User.Id == application.TeacherId).User, teacher);
        application.SignConclusion(await DemoConclusionAsync(context, application, period, recommendation, true, teacherPerson, signedAt, ct),
            teacher, signedAt);
        if (scenario == Scenario.ConclusionSigned)
            return;

        application.Verify(recommendation, coordinator, clock.After(days: _faker.Random.Int(1, 3)));
        if (scenario == Scenario.Verified)
            return;

        // One regional meeting per period decides every municipality's attestees; the order follows five days later.
        var meeting = MeetingFor(period, context.People.Operator.User.Id);
        var outcome = recommendation == Conformity.Corresponds ? DecisionOutcome.Established : DecisionOutcome.Refused;
        var meetingAt = RegionClock.StartOfDay(meeting.MeetingDate, _zone).AddHours(15);
        meeting.Add(application);
        meeting.Decide(application, outcome, context.People.Operator.Actor, clock.At(meetingAt), _zone);
        var (orderNumber, orderDate) = OrderFor(meeting);
        var orderAt = RegionClock.StartOfDay(orderDate, _zone).AddHours(11);
        if (orderAt < _now)
            application.RecordOrder(orderNumber, orderDate, context.People.Operator.Actor, clock.At(orderAt));
    }

    private CommissionMeeting MeetingFor(AttestationPeriod period, Guid operatorId)
    {
        if (!_meetings.TryGetValue(period.Id, out var meeting))
        {
            var date = period.EndDate.AddDays(20);
            meeting = new CommissionMeeting(date, $"{_meetings.Count + 1}", operatorId, RegionClock.StartOfDay(date, _zone));
            _meetings.Add(period.Id, meeting);
        }

        return meeting;
    }

    private static (string Number, DateOnly Date) OrderFor(CommissionMeeting meeting) =>
        (string.Create(CultureInfo.InvariantCulture, $"{meeting.MeetingDate.DayOfYear * 7}-р"), meeting.MeetingDate.AddDays(5));

    /// <summary>
    /// The meetings with their orders (once the order's day has passed), and the operator's approval of every municipal
    /// schedule whose attestation is under way or over. Schedules with attestees still waiting for their experts stay
    /// unapproved, so that the demo operator has something to approve.
    /// </summary>
    private void FinishRegionalWork(Context context)
    {
        var operatorId = context.People.Operator.User.Id;
        foreach (var meeting in _meetings.Values)
        {
            var (number, date) = OrderFor(meeting);
            if (RegionClock.StartOfDay(date, _zone).AddHours(11) < _now)
                meeting.RecordOrder(number, date, RegionClock.Today(_now, _zone));
            db.CommissionMeetings.Add(meeting);
        }

        var municipalities = context.Directory.Municipalities.Values.ToDictionary(m => m.Id, m => m.Name);
        var schedules = db.Applications.Local
            .Where(a => a.PeriodId is not null && a.Status != ApplicationStatus.Registered)
            .GroupBy(a => (Period: a.PeriodId!.Value, a.MunicipalityId));
        foreach (var schedule in schedules)
        {
            if (schedule.Any(a => a.Status == ApplicationStatus.Scheduled))
                continue;
            var period = context.Periods.Values.First(p => p.Id == schedule.Key.Period);
            var approvedAt = PeriodCalendar.ClosingTime(period, _zone).AddDays(2);
            if (approvedAt >= _now || period.IsOpenForScheduling(approvedAt, _zone))
                continue;
            db.ScheduleApprovals.Add(period.ApproveSchedule(schedule.Key.MunicipalityId, municipalities[schedule.Key.MunicipalityId],
                operatorId, approvedAt, _zone));
        }
    }

    /// <summary>A rendered stand-in for the scanned conclusion, so that the demo's download links lead to a document.</summary>
    private async Task<Guid> DemoConclusionAsync(Context context, Application application, AttestationPeriod period,
        Conformity recommendation, bool signed, Person uploader, DateTimeOffset at, CancellationToken ct)
    {
        var parameters = new Dictionary<string, object?>
        {
            [nameof(DemoConclusion.TeacherName)] = application.FullName,
            [nameof(DemoConclusion.Position)] = PositionName(context, application.PositionId),
            [nameof(DemoConclusion.Organisation)] = context.Directory.Organisations[application.MunicipalityId]
                .First(o => o.Id == application.OrganisationId).Name,
            [nameof(DemoConclusion.Period)] = period.Name,
            [nameof(DemoConclusion.Recommendation)] = recommendation.ToRussian(),
            [nameof(DemoConclusion.Signed)] = signed,
        };
        var pdf = await documents.RenderPdfAsync<DemoConclusion>(parameters, PdfPageOptions.Portrait, ct);
        var name = signed ? "Итоговое заключение (подписанное).pdf" : "Итоговое заключение.pdf";
        return files.Stage(new ValidatedUpload(name, "application/pdf", pdf), uploader.User.Id, at);
    }

    private void Register(Application application, Actor coordinator, DateTimeOffset at)
    {
        var day = RegionClock.Today(at, _zone);
        var key = (application.MunicipalityId, day.Year);
        var number = _registrationNumbers[key] = _registrationNumbers.GetValueOrDefault(key) + 1;
        application.Register(coordinator, $"{number}/{day.Year}", day, at);
    }

    /// <summary>The period a scenario belongs to, judged by how long ago it started; null when the calendar has none.</summary>
    private AttestationPeriod? PeriodFor(Context context, Scenario scenario)
    {
        var today = region.Today;
        int Age(AttestationPeriod p) => today.DayNumber - p.StartDate.DayNumber;
        var ordered = context.Periods.Values.OrderBy(p => p.StartDate).ToList();
        var candidates = scenario switch
        {
            Scenario.Decided => ordered.Where(p => Age(p) >= 100).TakeLast(2),
            Scenario.Verified => ordered.Where(p => Age(p) is >= 55 and < 100),
            Scenario.ConclusionUploaded or Scenario.ConclusionSigned => ordered.Where(p => Age(p) is >= 35 and < 75),
            Scenario.ScheduledClosed or Scenario.Withdrawn or Scenario.WithdrawalPending =>
                ordered.Where(p => Age(p) is >= -40 and < 35 && !p.IsOpenForScheduling(_now, _zone)),
            Scenario.ScheduledOpen => ordered.Where(p => p.IsOpenForScheduling(_now, _zone)).Take(1),
            _ => [],
        };
        var list = candidates.Where(p => context.Lists.ContainsKey(p.SchoolYear.StartYear)).ToList();
        return list.Count == 0 ? null : _faker.PickRandom(list);
    }

    private (Person A, Person B) PickExperts(Context context, int municipalityId, bool preferDemoExpert)
    {
        var experts = context.People.Experts[municipalityId];
        var pair = _faker.PickRandom(experts, 2).ToList();
        if (preferDemoExpert && experts[0].User.UserName == ExpertLogin && !pair.Contains(experts[0]))
            pair[0] = experts[0];
        return (pair[0], pair[1]);
    }

    private static Actor FindPerson(Context context, Guid userId) =>
        context.People.Teachers.Values.SelectMany(t => t).First(t => t.User.Id == userId).Actor;

    private static string PositionName(Context context, int positionId) =>
        context.Directory.Positions.Values.First(p => p.Id == positionId).Name;

    private static string Slug(string name) => $"school-{Math.Abs(name.GetHashCode(StringComparison.Ordinal)) % 1000}";

    /// <summary>Hands out moments that only move forward and never reach the present.</summary>
    private sealed class Timeline(DateTimeOffset now)
    {
        private DateTimeOffset _last = DateTimeOffset.MinValue;

        public DateTimeOffset At(DateTimeOffset wanted)
        {
            var latest = now.AddMinutes(-30);
            var next = wanted > latest ? latest : wanted;
            _last = next > _last ? next : _last.AddMinutes(1);
            return _last;
        }

        public DateTimeOffset After(int days) => At(_last.AddDays(days).AddHours(2));
    }
}
