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

    /// <summary>
    /// One application's story decided before any of it is told: its scenario, period and the moments it was submitted
    /// and registered. The stories are told in the order of their registration, so that the journal's numbers follow
    /// the dates.
    /// </summary>
    private sealed record Plan(
        Person Teacher,
        QualificationCategory Claimed,
        QualificationCategory Held,
        AttestationForm Form,
        Scenario Scenario,
        AttestationPeriod? Period,
        DateTimeOffset? SubmittedAt,
        DateTimeOffset? RegisteredAt,
        bool PreferDemoExpert,
        bool HeldFromPortal = false,
        bool Corresponds = false);

    private async Task SeedApplicationsAsync(Directory directory, Dictionary<(int Year, int Month), AttestationPeriod> periods,
        People people, Dictionary<int, ApprovedExpertList> lists, CancellationToken ct)
    {
        var context = new Context(directory, periods, people, lists);
        var scenarios = _faker.Random.Shuffle(Mix.SelectMany(m => Enumerable.Repeat(m.Scenario, m.Count))).ToList();
        var submittedAges = new Queue<int>(SubmittedAges);

        // The demo teacher: «первая» set through the portal in an earlier period, now applying for «высшая», scheduled
        // in the period under way with the demo expert, whose conclusion is due.
        var demoTeacher = people.Teacher;
        var running = RunningPeriod(context);
        var decidedEarlier = context.Periods.Values
            .Where(p => context.Lists.ContainsKey(p.SchoolYear.StartYear) && p.EndDate.AddDays(40) < region.Today
                && (running is null || p.EndDate < running.StartDate))
            .MaxBy(p => p.StartDate);
        var plans = new List<Plan>
        {
            PlanFor(context, demoTeacher, QualificationCategory.First, QualificationCategory.None, AttestationForm.InPerson,
                Scenario.Decided, submittedAges, preferDemoExpert: true, period: decidedEarlier) with { Corresponds = true },
            PlanFor(context, demoTeacher, QualificationCategory.Highest, QualificationCategory.First, AttestationForm.InPerson,
                Scenario.ScheduledClosed, submittedAges, preferDemoExpert: true, period: running) with { HeldFromPortal = true },
        };

        // And one attestee of the demo expert in the next period to begin, once its school year's list is approved: on
        // the schedule being filled until the 12th, then in a schedule closed and waiting for the operator's approval.
        var upcoming = context.Periods.Values
            .Where(p => p.StartDate > region.Today && context.Lists.ContainsKey(p.SchoolYear.StartYear))
            .MinBy(p => p.StartDate);
        var others = people.Teachers.SelectMany(t => t.Value).Where(t => t != demoTeacher).ToList();
        var nextAttestee = upcoming is null ? null : others.Find(t => t.User.MunicipalityId == demoTeacher.User.MunicipalityId);
        foreach (var (teacher, drawn) in others.Zip(scenarios))
        {
            var scenario = teacher == nextAttestee
                ? upcoming!.IsOpenForScheduling(_now, _zone) ? Scenario.ScheduledOpen : Scenario.ScheduledClosed
                : drawn;
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
            plans.Add(teacher == nextAttestee
                ? PlanFor(context, teacher, claimed, held, form, scenario, submittedAges, preferDemoExpert: true, period: upcoming)
                : PlanFor(context, teacher, claimed, held, form, scenario, submittedAges, preferDemoExpert: _faker.Random.Bool()));
        }

        foreach (var plan in plans.OrderBy(p => p.RegisteredAt ?? DateTimeOffset.MaxValue).ThenBy(p => p.SubmittedAt ?? DateTimeOffset.MaxValue))
            db.Applications.Add(await TellAsync(context, plan, ct));
        FinishRegionalWork(context);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The latest period that has begun by today (the one under way, or in summer the last of the year).</summary>
    private AttestationPeriod? RunningPeriod(Context context)
    {
        var today = region.Today;
        return context.Periods.Values
            .Where(p => p.StartDate <= today && context.Lists.ContainsKey(p.SchoolYear.StartYear))
            .MaxBy(p => p.StartDate);
    }

    /// <summary>Decides the story: the period the scenario belongs to and the moments of submission and registration.</summary>
    private Plan PlanFor(Context context, Person teacher, QualificationCategory claimed, QualificationCategory held,
        AttestationForm form, Scenario scenario, Queue<int> submittedAges, bool preferDemoExpert, AttestationPeriod? period = null)
    {
        period ??= PeriodFor(context, scenario);
        if (period is null && scenario is not (Scenario.Draft or Scenario.Submitted or Scenario.Rejected or Scenario.Registered
                or Scenario.RegisteredSimplified))
            scenario = Scenario.Registered;
        // Two experts of the municipality not working where the teacher works, or the application waits for them.
        if (period is not null && scenario is not (Scenario.Draft or Scenario.Submitted or Scenario.Rejected or Scenario.Registered
                or Scenario.RegisteredSimplified)
            && EligibleExperts(context, teacher.User).Count < 2)
            scenario = Scenario.Registered;

        DateTimeOffset? submitted = null, registered = null;
        switch (scenario)
        {
            case Scenario.Draft:
                break;
            case Scenario.Submitted:
                submitted = _now.AddDays(-SubmittedAge(teacher.User.MunicipalityId!.Value, context, submittedAges));
                break;
            case Scenario.Rejected:
                submitted = _now.AddDays(-_faker.Random.Int(30, 45));
                break;
            case Scenario.Registered or Scenario.RegisteredSimplified:
                submitted = _now.AddDays(-_faker.Random.Int(8, 25));
                registered = submitted.Value.AddDays(_faker.Random.Int(1, 6)).AddHours(2);
                break;
            default:
                var closing = PeriodCalendar.ClosingTime(period!, _zone);
                submitted = (closing < _now ? closing : _now).AddDays(-_faker.Random.Int(20, 40));
                registered = submitted.Value.AddDays(_faker.Random.Int(1, 7)).AddHours(2);
                break;
        }

        // Within office hours of their days, never two at the same minute.
        submitted = submitted?.AddMinutes(_faker.Random.Int(0, 420));
        registered = registered?.AddMinutes(_faker.Random.Int(0, 420));
        return new Plan(teacher, claimed, held, form, scenario, scenario is Scenario.Registered or Scenario.RegisteredSimplified ? null : period,
            submitted, registered, preferDemoExpert);
    }

    private async Task<Application> TellAsync(Context context, Plan plan, CancellationToken ct)
    {
        // The draft is begun a few days before it is sent: the history reads in the order things happened.
        var created = (plan.SubmittedAt ?? _now).AddDays(-_faker.Random.Int(1, 10));
        var application = Build(context, plan, created);
        await AdvanceAsync(context, application, plan, ct);
        if (plan.Corresponds && application.Status == ApplicationStatus.Decided)
        {
            // The category the portal set: the teacher's next application names it.
            _established = application.CreateEstablishedCategory(PositionName(context, application.PositionId));
            db.HeldCategories.Add(_established);
        }

        return application;
    }

    private Application Build(Context context, Plan plan, DateTimeOffset created)
    {
        var (teacher, claimed, held, form) = (plan.Teacher, plan.Claimed, plan.Held, plan.Form);
        var user = teacher.User;
        var application = Application.StartDraft(user.Id, new PersonName(user.LastName, user.FirstName, user.MiddleName),
            user.MunicipalityId!.Value, user.OrganisationId!.Value, user.PositionId!.Value, user.SubjectId, teacher.Actor, created);

        DateOnly? heldExpires = null;
        string? heldDecision = null;
        DateOnly? heldDecisionDate = null;
        if (plan.HeldFromPortal && _established is { } known)
        {
            heldExpires = known.ExpiresOn;
            heldDecision = known.DecisionNumber;
            heldDecisionDate = known.DecisionDate ?? known.SetOn;
        }
        else if (held != QualificationCategory.None)
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
        var pedagogical = _faker.Random.Int(5, 30);
        var inPosition = _faker.Random.Int(3, pedagogical);
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
            SimplifiedGrounds = plan.Scenario == Scenario.RegisteredSimplified
                ? "Победитель регионального этапа конкурса «Учитель года» в течение последних трёх лет"
                : null,
            EducationInstitution = _faker.PickRandom(
                "Томский государственный педагогический университет", "Томский государственный университет",
                "Томский педагогический колледж", "Новосибирский государственный педагогический университет"),
            EducationYear = Math.Min(_faker.Random.Int(1992, 2018), RegionClock.Today(created, _zone).Year - pedagogical),
            EducationSpeciality = "педагогическое образование",
            EducationQualification = _faker.PickRandom("учитель", "бакалавр", "воспитатель детей дошкольного возраста"),
            PedagogicalServiceYears = pedagogical,
            PositionServiceYears = inPosition,
            OrganisationServiceYears = _faker.Random.Int(1, inPosition),
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
    private async Task AdvanceAsync(Context context, Application application, Plan plan, CancellationToken ct)
    {
        var teacher = plan.Teacher.Actor;
        var coordinator = context.People.Coordinators[application.MunicipalityId].Actor;
        var period = plan.Period;
        var scenario = plan.Scenario;
        if (scenario == Scenario.Draft)
            return;

        var clock = new Timeline(_now);
        var submittedAt = clock.At(plan.SubmittedAt!.Value.AddHours(-1));
        await AttachRequiredDocumentsAsync(context, application, plan.Teacher, submittedAt, ct);
        application.Submit(teacher, clock.At(plan.SubmittedAt!.Value), await RequiredDocumentsAsync(context, application));
        switch (scenario)
        {
            case Scenario.Submitted:
                return;
            case Scenario.Rejected:
                application.Reject(coordinator,
                    "Неверно указана должность в заявлении; не читается подпись на скане заявления. " +
                    "Исправьте и подайте заявление повторно.", clock.After(days: _faker.Random.Int(2, 6)));
                return;
        }

        Register(application, coordinator, clock.At(plan.RegisteredAt!.Value));
        if (scenario is Scenario.Registered or Scenario.RegisteredSimplified)
            return;

        var (expertA, expertB) = PickExperts(context, application, plan.PreferDemoExpert);
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
        var recommendation = plan.Corresponds || _faker.Random.Bool(0.9f) ? Conformity.Corresponds : Conformity.DoesNotCorrespond;
        var conclusionAt = clock.At(start.AddDays(_faker.Random.Int(30, 40)));
        application.AttachConclusion(await DemoConclusionAsync(context, application, period, recommendation, false, expertA, conclusionAt, ct),
            recommendation,
            recommendation == Conformity.Corresponds ? null : "Результаты профессиональной деятельности не подтверждены в полном объёме.",
            expertA.Actor, conclusionAt);
        if (scenario == Scenario.ConclusionUploaded)
            return;

        var signedAt = clock.After(days: _faker.Random.Int(1, 3));
        application.SignConclusion(await DemoConclusionAsync(context, application, period, recommendation, true, plan.Teacher, signedAt, ct),
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

    /// <summary>The documents the claim requires (<see cref="RequiredDocuments"/>), as the teacher's page asks for them.</summary>
    private static Task<IReadOnlyList<ApplicationDocumentKind>> RequiredDocumentsAsync(Context context, Application application)
    {
        var subject = application.SubjectId is { } id ? context.Directory.Subjects.Values.First(s => s.Id == id).Name : null;
        return Task.FromResult(RequiredDocuments.For(application.ClaimedCategory, RequiredDocuments.TeachesPrimaryClasses(subject)));
    }

    /// <summary>The scans a submitted application carries: one rendered stand-in per kind, stored for each application.</summary>
    private async Task AttachRequiredDocumentsAsync(Context context, Application application, Person teacher, DateTimeOffset at,
        CancellationToken ct)
    {
        foreach (var kind in await RequiredDocumentsAsync(context, application))
        {
            if (!_scans.TryGetValue(kind, out var pdf))
            {
                pdf = await documents.RenderPdfAsync<DemoScan>(
                    new Dictionary<string, object?> { [nameof(DemoScan.Kind)] = kind.ToRussian() }, PdfPageOptions.Portrait, ct);
                _scans[kind] = pdf;
            }

            var name = $"{kind.ToRussian()}.pdf";
            var fileId = files.Stage(new ValidatedUpload(name, "application/pdf", pdf), teacher.User.Id, at);
            application.AttachDocument(kind, fileId, name, teacher.Actor, at);
        }
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

        // Every schedule of a period that has begun is approved (after the 12th of the month before it, as the operator
        // does); a closed period still to begin waits for the operator, so that the demo operator has one to approve.
        var municipalities = context.Directory.Municipalities.Values.ToDictionary(m => m.Id, m => m.Name);
        var today = RegionClock.Today(_now, _zone);
        var schedules = db.Applications.Local
            .Where(a => a.PeriodId is not null)
            .GroupBy(a => (Period: a.PeriodId!.Value, a.MunicipalityId));
        foreach (var schedule in schedules)
        {
            var period = context.Periods.Values.First(p => p.Id == schedule.Key.Period);
            if (period.StartDate > today)
                continue;
            var approvedAt = PeriodCalendar.ClosingTime(period, _zone).AddDays(2);
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

    /// <summary>The municipality's experts who do not work where the teacher works (no conflict of interest).</summary>
    private static List<Person> EligibleExperts(Context context, AppUser teacher) =>
        context.People.Experts[teacher.MunicipalityId!.Value].Where(e => e.User.OrganisationId != teacher.OrganisationId).ToList();

    private (Person A, Person B) PickExperts(Context context, Application application, bool preferDemoExpert)
    {
        var experts = context.People.Experts[application.MunicipalityId]
            .Where(e => e.User.OrganisationId != application.OrganisationId)
            .ToList();
        var pair = _faker.PickRandom(experts, 2).ToList();
        var demo = experts.Find(e => e.User.UserName == ExpertLogin);
        if (preferDemoExpert && demo is not null && !pair.Contains(demo))
            pair[0] = demo;
        return (pair[0], pair[1]);
    }

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
