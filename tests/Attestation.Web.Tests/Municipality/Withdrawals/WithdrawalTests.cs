using System.Net;
using Attestation.Domain;
using Attestation.Domain.Applications;
using Attestation.Domain.Experts;
using Attestation.Domain.Periods;
using Attestation.Testing;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Notifications;

namespace Attestation.Web.Tests.Municipality.Withdrawals;

public sealed class WithdrawalTests(PortalWithDirectoryFactory factory) : IClassFixture<PortalWithDirectoryFactory>
{
    private const string Url = "/Municipality/Withdrawals";

    private TestDirectory Directory => factory.Directory;

    [Fact]
    public async Task The_journal_shows_new_and_registered_withdrawals_of_the_municipality_only()
    {
        var (municipalityId, organisationId) = await Coordinators.MunicipalityAsync(factory, "Кривошеинский район");
        using var client = await Coordinators.SignedInAsync(factory, "wd.journal.coord", municipalityId);
        var pending = await WithdrawingAsync("wd.journal.pending", municipalityId, organisationId,
            WithdrawalReason.Dismissal, null);
        var registered = await WithdrawingAsync("wd.journal.done", municipalityId, organisationId,
            WithdrawalReason.Other, "переезд в другой регион", register: true);
        var foreign = await WithdrawingAsync("wd.journal.foreign", Directory.Tomsk.Id, Directory.Lyceum.Id,
            WithdrawalReason.Health, null);

        var page = await client.GetDocumentAsync(Url);

        Assert.Equal(["Фамилия Имя Отчество", "Причина отзыва заявления", "Дата подачи", "Кем подано", ""],
            page.QuerySelectorAll("#pending thead th").Select(th => th.TextContent.Trim()));
        Assert.Equal(["Фамилия Имя Отчество", "Причина отзыва заявления", "Дата подачи", "Дата регистрации", ""],
            page.QuerySelectorAll("#registered thead th").Select(th => th.TextContent.Trim()));
        var pendingRow = Assert.Single(page.QuerySelectorAll("#pending tbody tr"));
        Assert.Equal(pending.Id.ToString(), pendingRow.GetAttribute("data-id"));
        Assert.Equal("увольнение", pendingRow.QuerySelectorAll("td")[1].TextContent.Trim());
        var registeredRow = Assert.Single(page.QuerySelectorAll("#registered tbody tr"));
        Assert.Equal(registered.Id.ToString(), registeredRow.GetAttribute("data-id"));
        Assert.Equal("переезд в другой регион", registeredRow.QuerySelectorAll("td")[1].TextContent.Trim());
        Assert.DoesNotContain(foreign.Id.ToString(), page.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.Equal("/Municipality/Journals?handler=Withdrawals&format=pdf", page.QuerySelector("#journal-pdf")!.GetAttribute("href"));
        Assert.Equal("/Municipality/Journals?handler=Withdrawals&format=xlsx", page.QuerySelector("#journal-xlsx")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Registering_a_withdrawal_withdraws_the_application_takes_it_out_of_the_schedule_and_mails_the_teacher()
    {
        using var client = await Coordinators.SignedInAsync(factory, "wd.register.coord", Directory.District.Id);
        var coordinator = await factory.CreateUserAsync(Roles.MunicipalCoordinator, "wd.register.registrar",
            u => u.MunicipalityId = Directory.District.Id);
        var (period, expertA, expertB) = await ScheduleSetupAsync("wd.register");
        var teacher = await Coordinators.TeacherAsync(factory, "wd.register.teacher", Directory.District.Id,
            Directory.VillageSchool.Id, Directory.SchoolTeacher.Id, "Отзывающая");
        var at = factory.Clock.GetUtcNow().AddDays(-10);
        var application = await Coordinators.Application(factory, teacher, daysAgo: 10)
            .By(coordinator)
            .Registered("900/2000", at.AddHours(1), DateOnly.FromDateTime(at.UtcDateTime))
            .Scheduled(period, expertA, expertB, at.AddHours(2))
            .Withdrawn(WithdrawalReason.Health, at: at.AddHours(3), registered: false)
            .AtAsync(ApplicationStage.Scheduled);
        var mails = (await factory.SentMailsAsync()).Count;

        using var response = await client.SubmitFormAsync(Url, new Dictionary<string, string>(),
            formSelector: $"#pending tr[data-id='{application.Id}'] form");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(Url, response.RedirectPath());
        var saved = await Coordinators.ReloadAsync(factory, application.Id);
        Assert.Equal(ApplicationStatus.Withdrawn, saved.Status);
        Assert.Null(saved.PeriodId);
        Assert.Empty(saved.AssignedExperts);
        Assert.Equal(period.Id, saved.Withdrawal!.PeriodId);
        Assert.NotNull(saved.Withdrawal.RegisteredAt);
        var withdrawn = saved.Events.OrderBy(e => e.Number).Last();
        Assert.Equal((ApplicationEventKind.Withdrawn, Roles.MunicipalCoordinator), (withdrawn.Kind, withdrawn.ActorRole));

        var mail = Assert.Single((await factory.SentMailsAsync()).Skip(mails));
        Assert.Equal("wd.register.teacher@example.org", mail.To.Trim('<', '>'));
        Assert.Equal(ApplicationEmails.WithdrawalRegisteredSubject, mail.Subject);
        Assert.Equal("Заявление на отзыв зарегистрировано", mail.Subject);
        Assert.Contains("по состоянию здоровья", mail.PlainText, StringComparison.Ordinal);
        Assert.Contains("исключено из графика", mail.PlainText, StringComparison.Ordinal);

        var page = await client.GetDocumentAsync(Url);
        Assert.Contains("Отзывающая Татьяна Игоревна: заявление на отзыв зарегистрировано",
            page.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(page.QuerySelectorAll("#pending tbody tr"), r => r.GetAttribute("data-id") == application.Id.ToString());
        Assert.Contains(page.QuerySelectorAll("#registered tbody tr"), r => r.GetAttribute("data-id") == application.Id.ToString());
    }

    [Fact]
    public async Task A_withdrawal_registered_twice_is_refused_the_second_time_without_a_second_letter()
    {
        using var client = await Coordinators.SignedInAsync(factory, "wd.twice.coord", Directory.District.Id);
        var application = await WithdrawingAsync("wd.twice.teacher", Directory.District.Id, Directory.VillageSchool.Id,
            WithdrawalReason.Dismissal, null);
        var page = await client.GetDocumentAsync(Url);
        var form = $"#pending tr[data-id='{application.Id}'] form";
        var mails = (await factory.SentMailsAsync()).Count;

        (await client.SubmitFormAsync(page, Url, new Dictionary<string, string>(), formSelector: form)).Dispose();
        using var stale = await client.SubmitFormAsync(page, Url, new Dictionary<string, string>(), formSelector: form);

        Assert.Equal(HttpStatusCode.Redirect, stale.StatusCode);
        var after = await client.GetDocumentAsync(Url);
        Assert.Equal("Нет поданного заявления на отзыв: регистрировать нечего.", after.QuerySelector("#refusal")!.TextContent.Trim());
        Assert.Single((await factory.SentMailsAsync()).Skip(mails));
        Assert.Single((await Coordinators.ReloadAsync(factory, application.Id)).Events, e => e.Kind == ApplicationEventKind.Withdrawn);
    }

    private async Task<Application> WithdrawingAsync(string login, int municipalityId, int organisationId,
        WithdrawalReason reason, string? text, bool register = false)
    {
        var teacher = await Coordinators.TeacherAsync(factory, login, municipalityId, organisationId, Directory.SchoolTeacher.Id);
        var coordinator = register
            ? await factory.CreateUserAsync(Roles.MunicipalCoordinator, $"{login}.registrar", u => u.MunicipalityId = municipalityId)
            : null;
        var at = factory.Clock.GetUtcNow().AddDays(-5);
        var application = Coordinators.Application(factory, teacher, daysAgo: 5)
            .Withdrawn(reason, text, at.AddHours(1), registered: coordinator is not null, at.AddHours(2));
        return await (coordinator is null ? application : application.By(coordinator)).AtAsync(ApplicationStage.Submitted);
    }

    /// <summary>A period open for scheduling (three months ahead) and two experts of the district.</summary>
    private async Task<(AttestationPeriod Period, AppUser ExpertA, AppUser ExpertB)> ScheduleSetupAsync(string prefix)
    {
        var start = DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime).AddMonths(3);
        var expertA = await factory.CreateUserAsync(Roles.Expert, $"{prefix}.expert.a", u => u.MunicipalityId = Directory.District.Id);
        var expertB = await factory.CreateUserAsync(Roles.Expert, $"{prefix}.expert.b", u => u.MunicipalityId = Directory.District.Id);
        return (await factory.Applications.PeriodAsync(start), expertA, expertB);
    }
}
