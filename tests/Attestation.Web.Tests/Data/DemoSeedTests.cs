using System.Globalization;
using Attestation.Domain;
using Attestation.Domain.Applications;
using Attestation.Testing;
using Attestation.Web.Data;
using Attestation.Web.Data.Demo;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Tests.Data;

/// <summary>
/// The start command's demo region tells the truth whatever day it starts on: seeded once for each of four days (the
/// 1st, the 12th and the 16th of a month, and a day in summer), each on its own database with the clock set there, and
/// every invariant checked with a query against each.
/// </summary>
public sealed class DemoSeedTests(DemoSeedTests.Seeds seeds) : IClassFixture<DemoSeedTests.Seeds>
{
    public static TheoryData<string> Days => new(Seeds.Names);

    [Theory]
    [MemberData(nameof(Days))]
    public async Task The_schedules_of_every_period_under_way_are_approved(string day)
    {
        var (portal, today) = seeds[day];
        await using var db = portal.OpenDb();

        var schedules = await db.Applications.AsNoTracking()
            .Where(a => a.PeriodId != null)
            .Join(db.Periods, a => a.PeriodId, p => p.Id, (a, p) => new { a.MunicipalityId, PeriodId = p.Id, p.StartYear, p.StartMonth })
            .Distinct()
            .ToListAsync();
        var begun = schedules.Where(s => new DateOnly(s.StartYear, s.StartMonth, 1) <= today).ToList();
        var approved = await db.ScheduleApprovals.AsNoTracking().Select(a => new { a.PeriodId, a.MunicipalityId }).ToListAsync();

        Assert.NotEmpty(begun);
        Assert.All(begun, s => Assert.Contains(new { s.PeriodId, s.MunicipalityId }, approved));
    }

    [Theory]
    [MemberData(nameof(Days))]
    public async Task The_demo_expert_has_an_attestee_of_a_period_under_way_whose_conclusion_is_due(string day)
    {
        var (portal, today) = seeds[day];
        await using var db = portal.OpenDb();
        var expertId = await db.Users.Where(u => u.UserName == DemoSeeder.ExpertLogin).Select(u => u.Id).SingleAsync();

        var due = await db.Applications.AsNoTracking()
            .Where(a => a.Status == ApplicationStatus.Scheduled && (a.ExpertAId == expertId || a.ExpertBId == expertId))
            .Join(db.Periods, a => a.PeriodId, p => p.Id, (a, p) => new { p.StartYear, p.StartMonth })
            .ToListAsync();

        Assert.Contains(due, p => new DateOnly(p.StartYear, p.StartMonth, 1) <= today);
    }

    [Theory]
    [MemberData(nameof(Days))]
    public async Task No_expert_is_scheduled_for_a_teacher_of_his_own_organisation(string day)
    {
        var (portal, _) = seeds[day];
        await using var db = portal.OpenDb();

        var scheduled = await db.Applications.AsNoTracking().CountAsync(a => a.ExpertAId != null);
        var conflicts = await db.Applications.AsNoTracking()
            .Where(a => db.Users.Any(u => (u.Id == a.ExpertAId || u.Id == a.ExpertBId) && u.OrganisationId == a.OrganisationId))
            .Select(a => a.LastName)
            .ToListAsync();

        Assert.True(scheduled > 0, "The demo has scheduled applications.");
        Assert.Empty(conflicts);
    }

    [Theory]
    [MemberData(nameof(Days))]
    public async Task Every_history_reads_in_time_order_from_the_draft(string day)
    {
        var (portal, _) = seeds[day];
        await using var db = portal.OpenDb();

        var events = (await db.ApplicationEvents.AsNoTracking()
                .Select(e => new { e.ApplicationId, e.Number, e.At, e.Kind })
                .ToListAsync())
            .GroupBy(e => e.ApplicationId)
            .Select(g => g.OrderBy(e => e.Number).ToList())
            .ToList();

        Assert.True(events.Count > 40, "The demo has its applications.");
        Assert.All(events, history =>
        {
            Assert.Equal(ApplicationEventKind.Created, history[0].Kind);
            Assert.All(history.Zip(history.Skip(1)), pair => Assert.True(pair.First.At <= pair.Second.At,
                $"«{pair.Second.Kind}» ({pair.Second.At:u}) comes after «{pair.First.Kind}» ({pair.First.At:u})."));
        });
    }

    [Theory]
    [MemberData(nameof(Days))]
    public async Task Registration_numbers_follow_the_registration_dates(string day)
    {
        var (portal, _) = seeds[day];
        await using var db = portal.OpenDb();

        var registered = await db.Applications.AsNoTracking()
            .Where(a => a.RegistrationNumber != null)
            .Select(a => new { a.MunicipalityId, a.RegistrationNumber, a.RegisteredOn, a.RegisteredAt })
            .ToListAsync();

        Assert.NotEmpty(registered);
        foreach (var journal in registered.GroupBy(r => (r.MunicipalityId, r.RegisteredOn!.Value.Year)))
        {
            var ordered = journal.OrderBy(r => r.RegisteredAt).ToList();
            Assert.True(
                Enumerable.Range(1, ordered.Count).Select(n => string.Create(CultureInfo.InvariantCulture, $"{n}/{journal.Key.Year}"))
                    .SequenceEqual(ordered.Select(r => r.RegistrationNumber!)),
                string.Join("; ", ordered.Select(r => $"{r.RegistrationNumber} {r.RegisteredAt:u}")));
        }
    }

    [Theory]
    [MemberData(nameof(Days))]
    public async Task Every_submitted_application_is_complete_and_carries_the_documents_its_claim_requires(string day)
    {
        var (portal, _) = seeds[day];
        await using var db = portal.OpenDb();

        var submitted = await db.Applications.AsNoTracking().Include(a => a.Documents)
            .Where(a => a.SubmittedAt != null)
            .ToListAsync();
        var subjects = await db.Subjects.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name);

        Assert.NotEmpty(submitted);
        Assert.All(submitted, application =>
        {
            var required = RequiredDocuments.For(application.ClaimedCategory,
                RequiredDocuments.TeachesPrimaryClasses(application.SubjectId is { } id ? subjects[id] : null));
            Assert.Empty(application.SubmissionProblems(required));
        });
    }

    [Theory]
    [MemberData(nameof(Days))]
    public async Task Experts_and_teachers_hold_positions_with_subjects_that_go_together(string day)
    {
        var (portal, _) = seeds[day];
        await using var db = portal.OpenDb();

        var experts = await db.ApprovedExperts.AsNoTracking().Select(e => e.ExpertId).Distinct().ToListAsync();
        var people = await db.Users.AsNoTracking()
            .Where(u => u.PositionId != null)
            .Select(u => new
            {
                u.Id,
                u.UserName,
                Position = db.Positions.Where(p => p.Id == u.PositionId).Select(p => new { p.Name, p.IsVocational }).Single(),
                Subject = db.Subjects.Where(s => s.Id == u.SubjectId).Select(s => s.Name).SingleOrDefault(),
                OrganisationIsVocational = db.Organisations.Where(o => o.Id == u.OrganisationId).Select(o => o.IsVocational).SingleOrDefault(),
            })
            .ToListAsync();

        Assert.True(people.Count(p => experts.Contains(p.Id)) >= 10, "The demo has its experts.");
        Assert.All(people, person =>
        {
            var subjects = DemoRegion.SubjectsOf(person.Position.Name);
            if (person.Subject is null)
                Assert.True(subjects.Count == 0 || !experts.Contains(person.Id), $"{person.UserName}: {person.Position.Name} without a subject.");
            else
                Assert.Contains(person.Subject, subjects);
        });
        // «Не назначайте эксперта, у которого неправильно указана должность»: no demo expert is one.
        Assert.All(people.Where(p => experts.Contains(p.Id)), expert =>
            Assert.False(expert.Position.IsVocational && !expert.OrganisationIsVocational, $"{expert.UserName}: {expert.Position.Name}."));
    }

    /// <summary>The demo seeded at the four days, one fresh database each, seeded one after the other at start-up.</summary>
    public sealed class Seeds : IAsyncLifetime
    {
        private static readonly TimeZoneInfo Tomsk = TimeZoneInfo.FindSystemTimeZoneById(RegionClock.RegionTimeZoneId);
        private readonly Dictionary<string, (DemoAt Portal, DateOnly Today)> _portals = [];

        public static readonly string[] Names = ["1st", "12th", "16th", "summer"];

        public (DemoAt Portal, DateOnly Today) this[string name] => _portals[name];

        public async Task InitializeAsync()
        {
            // Days ahead of the real one (the fake clock moves only forward): next month's 1st, 12th and 16th, the next 15 July.
            var now = DateTimeOffset.UtcNow;
            var today = RegionClock.Today(now, Tomsk);
            var month = new DateOnly(today.Year, today.Month, 1).AddMonths(1);
            var july = new DateOnly(today.Month < 7 ? today.Year : today.Year + 1, 7, 15);
            var days = new[] { month, month.AddDays(11), month.AddDays(15), july };
            foreach (var (name, date) in Names.Zip(days))
            {
                var portal = new DemoAt(RegionClock.StartOfDay(date, Tomsk).AddHours(10));
                await portal.InitializeAsync();
                _portals[name] = (portal, date);
                // The host starts, applies nothing (the database is a copy of the migrated template) and seeds the demo.
                _ = portal.Services;
            }
        }

        public async Task DisposeAsync()
        {
            foreach (var (portal, _) in _portals.Values)
                await ((IAsyncLifetime)portal).DisposeAsync();
        }
    }

    public sealed class DemoAt : PortalFactory
    {
        public DemoAt(DateTimeOffset at) => Clock.SetUtcNow(at);

        protected override bool SeedDemoData => true;
    }
}
