using System.Net;
using Attestation.Domain.Periods;
using Attestation.Testing;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Tests.Operator;
using Microsoft.EntityFrameworkCore;
using static Attestation.Web.Tests.Operator.OperatorDesk;

namespace Attestation.Web.Tests.Schedules;

/// <summary>
/// The public page of approved schedules: no sign-in, only what the operator approved, no teacher's contacts, the
/// coordinator's work phone (seed 001: «Номер телефона должен быть рабочий … графики размещаются в открытом доступе»).
/// </summary>
public sealed class PublicScheduleTests(PortalWithDirectoryFactory factory) : IClassFixture<PortalWithDirectoryFactory>
{
    private const string TeacherPhone = "+7 (913) 555-71-39";
    private const string TeacherEmail = "olga.private.7139@teachers.example";
    private const string CoordinatorWorkPhone = "+7 (3822) 44-55-66";
    private const string CoordinatorMobile = "+7 (913) 000-98-87";

    private readonly OperatorDesk _desk = new(factory);

    private TestDirectory Directory => factory.Directory;

    [Fact]
    public async Task Anyone_sees_an_approved_schedule_with_the_coordinators_work_phone_and_no_teachers_contacts()
    {
        var period = await PeriodAsync();
        await CoordinatorAsync("public.coordinator", Directory.Tomsk.Id);
        var experts = (await _desk.CreateExpertAsync("public.expert.a", "Экспертова"), await _desk.CreateExpertAsync("public.expert.b", "Экспертина"));
        await _desk.NamedApplicationAsync("public.teacher", "Публичная", Directory.Tomsk.Id, Directory.Lyceum.Id, ApplicationStage.Scheduled,
            period, experts, TeacherPhone, TeacherEmail);
        await ApproveAsync(period, Directory.Tomsk.Id);
        using var anonymous = factory.CreatePortalClient();

        using var response = await anonymous.GetAsync($"/Schedules/View?period={period.Id}&municipality={Directory.Tomsk.Id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var page = await response.ReadDocumentAsync();

        Assert.Equal("Публичная Анна Сергеевна", Text(page.QuerySelectorAll("#schedule tbody tr td")[1]));
        Assert.Contains("Экспертова Ирина Олеговна", Text(page.QuerySelector("#schedule")!), StringComparison.Ordinal);
        Assert.Equal($"Муниципальный координатор по аттестации: Координаторова Галина Петровна, рабочий телефон: {CoordinatorWorkPhone}",
            Text(page.QuerySelector("#coordinator")!));
        AssertNoPrivateData(html);
        Assert.Null(page.QuerySelector("#not-approved"));

        var pdf = await anonymous.DownloadAsync(page.QuerySelector("#download-pdf")!.GetAttribute("href")!, "application/pdf");
        await Downloads.SaveArtifactAsync("public-schedule.pdf", pdf);
        var text = await PdfReading.TextAsync(pdf);
        Assert.Contains("Публичная Анна Сергеевна", text, StringComparison.Ordinal);
        Assert.Contains($"рабочий телефон: {CoordinatorWorkPhone}", text, StringComparison.Ordinal);
        Assert.DoesNotContain("не утверждён", text, StringComparison.Ordinal);
        var stamp = await StampAsync(period, Directory.Tomsk.Id);
        Assert.StartsWith($"{stamp} График проведения аттестации", text, StringComparison.Ordinal);
        AssertNoPrivateData(text);

        var xlsx = await anonymous.DownloadAsync(page.QuerySelector("#download-xlsx")!.GetAttribute("href")!, Downloads.ExcelType);
        using var book = Downloads.OpenWorkbook(xlsx);
        Assert.Equal(stamp, book.Worksheet(1).Cell(2, 1).GetString());
        var cells = string.Join(" ", book.Worksheet(1).CellsUsed().Select(c => c.GetString()));
        Assert.Contains("Публичная Анна Сергеевна", cells, StringComparison.Ordinal);
        AssertNoPrivateData(cells);
    }

    [Fact]
    public async Task A_schedule_not_yet_approved_is_not_shown_nor_downloadable()
    {
        var period = await PeriodAsync();
        await CoordinatorAsync("public.district.coordinator", Directory.District.Id);
        await _desk.NamedApplicationAsync("public.unapproved", "Неутверждённая", Directory.District.Id, Directory.VillageSchool.Id,
            ApplicationStage.Scheduled, period);
        // Approved elsewhere (another municipality) or for another period: not this schedule's approval.
        await ApproveAsync(period, Directory.Tomsk.Id);
        await ApproveAsync(await PeriodAsync(monthsAhead: 4), Directory.District.Id);
        using var anonymous = factory.CreatePortalClient();

        using var response = await anonymous.GetAsync($"/Schedules/View?period={period.Id}&municipality={Directory.District.Id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var page = await response.ReadDocumentAsync();
        using var pdf = await anonymous.GetAsync($"/Schedules/View?handler=Download&period={period.Id}&municipality={Directory.District.Id}&format=pdf");
        using var xlsx = await anonymous.GetAsync($"/Schedules/View?handler=Download&period={period.Id}&municipality={Directory.District.Id}&format=xlsx");

        Assert.StartsWith("График ещё не утверждён.", Text(page.QuerySelector("#not-approved")!), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#schedule"));
        Assert.DoesNotContain("Неутверждённая", html, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#download-pdf"));
        Assert.Equal(HttpStatusCode.NotFound, pdf.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, xlsx.StatusCode);
    }

    [Fact]
    public async Task The_list_of_a_period_links_the_approved_schedules_and_marks_the_others()
    {
        var period = await PeriodAsync();
        await ApproveAsync(period, Directory.Tomsk.Id);
        using var anonymous = factory.CreatePortalClient();

        using var response = await anonymous.GetAsync($"/Schedules?period={period.Id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        var home = await anonymous.GetDocumentAsync("/");

        var tomsk = page.QuerySelector($"#municipalities tr[data-municipality='{Directory.Tomsk.Id}']")!;
        Assert.Equal($"/Schedules/View?period={period.Id}&municipality={Directory.Tomsk.Id}",
            tomsk.QuerySelector("a")!.GetAttribute("href"));
        Assert.StartsWith("График утверждён", Text(tomsk.QuerySelector("a")!), StringComparison.Ordinal);
        var district = page.QuerySelector($"#municipalities tr[data-municipality='{Directory.District.Id}']")!;
        Assert.Null(district.QuerySelector("a"));
        Assert.Equal("График ещё не утверждён", Text(district.QuerySelectorAll("td")[1]));
        Assert.NotNull(home.QuerySelector("#public-schedules a[href='/Schedules']"));
    }

    [Fact]
    public async Task An_unknown_period_or_municipality_is_not_found_and_a_missing_one_leads_to_the_list()
    {
        var period = await PeriodAsync();
        using var anonymous = factory.CreatePortalClient();

        using var unknownPeriod = await anonymous.GetAsync($"/Schedules/View?period={Guid.NewGuid()}&municipality={Directory.Tomsk.Id}");
        using var unknownMunicipality = await anonymous.GetAsync($"/Schedules/View?period={period.Id}&municipality=987654");
        using var missing = await anonymous.GetAsync($"/Schedules/View?period={period.Id}");
        using var unknownInList = await anonymous.GetAsync($"/Schedules?period={Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, unknownPeriod.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownMunicipality.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownInList.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, missing.StatusCode);
        Assert.Equal($"/Schedules?period={period.Id}", missing.RedirectPath());
    }

    private static void AssertNoPrivateData(string text)
    {
        Assert.DoesNotContain(TeacherEmail, text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(TeacherPhone, text, StringComparison.Ordinal);
        Assert.DoesNotContain("555-71-39", text, StringComparison.Ordinal);
        Assert.DoesNotContain(CoordinatorMobile, text, StringComparison.Ordinal);
        Assert.DoesNotContain("@example.org", text, StringComparison.OrdinalIgnoreCase);
    }

    private Task<AppUser> CoordinatorAsync(string login, int municipalityId) =>
        factory.CreateUserAsync(Roles.MunicipalCoordinator, login, user =>
        {
            user.LastName = "Координаторова";
            user.FirstName = "Галина";
            user.MiddleName = "Петровна";
            user.MunicipalityId = municipalityId;
            user.WorkPhone = CoordinatorWorkPhone;
            user.PhoneNumber = CoordinatorMobile;
        });

    /// <summary>The operator's approval, as «Сводный график» records it; the tests of the class share the database.</summary>
    private async Task ApproveAsync(AttestationPeriod period, int municipalityId)
    {
        await using var db = factory.OpenDb();
        if (await db.Set<ScheduleApproval>().AnyAsync(a => a.PeriodId == period.Id && a.MunicipalityId == municipalityId))
            return;
        var approver = await db.Users.Where(u => u.UserName == "public.operator").Select(u => (Guid?)u.Id).SingleOrDefaultAsync()
            ?? (await _desk.CreateOperatorAsync("public.operator")).Id;
        db.Add(new ScheduleApproval(period.Id, municipalityId, approver, _desk.Now));
        await db.SaveChangesAsync();
    }

    /// <summary>«Утверждён 05.12.2026»: the day of the stored approval in Tomsk.</summary>
    private async Task<string> StampAsync(AttestationPeriod period, int municipalityId)
    {
        await using var db = factory.OpenDb();
        var approvedAt = await db.Set<ScheduleApproval>()
            .Where(a => a.PeriodId == period.Id && a.MunicipalityId == municipalityId)
            .Select(a => a.ApprovedAt)
            .SingleAsync();
        return $"Утверждён {Domain.RegionClock.Today(approvedAt, Tomsk):dd.MM.yyyy}";
    }

    private Task<AttestationPeriod> PeriodAsync(int monthsAhead = 3)
    {
        var start = new DateOnly(_desk.Today.Year, _desk.Today.Month, 1).AddMonths(monthsAhead);
        return _desk.PeriodAsync(start.Year, start.Month);
    }
}
