using System.Net;
using Attestation.Domain;
using Attestation.Domain.Applications;
using Attestation.Testing;
using Attestation.Web.Authorization;
using Attestation.Web.Data;

namespace Attestation.Web.Tests.Municipality.Isolation;

/// <summary>
/// A coordinator of the Tomsk district types ids of the city of Tomsk into every page and post of his cabinet: each
/// answers 404 and nothing changes.
/// </summary>
public sealed class IsolationTests(IsolationTests.World world) : IClassFixture<IsolationTests.World>
{
    public sealed class World : PortalWithDirectoryFactory
    {
        /// <summary>Of the city: a submitted application with a scan, one with a pending withdrawal, an idle teacher.</summary>
        public Application Foreign { get; private set; } = null!;
        public Application ForeignWithdrawing { get; private set; } = null!;
        public AppUser ForeignIdleTeacher { get; private set; } = null!;
        public Guid ForeignFileId { get; private set; }

        /// <summary>Of the district: a submitted application with a scan, and a draft.</summary>
        public Application Own { get; private set; } = null!;
        public Application OwnDraft { get; private set; } = null!;
        public Guid OwnFileId { get; private set; }

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            var d = Directory;
            var cityTeacher = await Coordinators.TeacherAsync(this, "iso.city.teacher", d.Tomsk.Id, d.Lyceum.Id, d.SchoolTeacher.Id);
            Foreign = await Coordinators.ApplicationAsync(this, cityTeacher, daysAgo: 3, scan: "%PDF-1.4 город"u8.ToArray());
            ForeignFileId = Foreign.Documents.Single().FileId;
            var cityLeaving = await Coordinators.TeacherAsync(this, "iso.city.leaving", d.Tomsk.Id, d.Lyceum.Id, d.SchoolTeacher.Id);
            ForeignWithdrawing = await Coordinators.Application(this, cityLeaving, daysAgo: 3)
                .Withdrawn(WithdrawalReason.Dismissal, at: Clock.GetUtcNow().AddDays(-3).AddHours(1), registered: false)
                .AtAsync(ApplicationStage.Submitted);
            ForeignIdleTeacher = await Coordinators.TeacherAsync(this, "iso.city.idle", d.Tomsk.Id, d.Lyceum.Id, d.SchoolTeacher.Id);

            var districtTeacher = await Coordinators.TeacherAsync(this, "iso.district.teacher", d.District.Id, d.VillageSchool.Id,
                d.SchoolTeacher.Id);
            Own = await Coordinators.ApplicationAsync(this, districtTeacher, daysAgo: 2, scan: "%PDF-1.4 район"u8.ToArray());
            OwnFileId = Own.Documents.Single().FileId;
            var districtDrafter = await Coordinators.TeacherAsync(this, "iso.district.drafter", d.District.Id, d.VillageSchool.Id,
                d.SchoolTeacher.Id);
            OwnDraft = await Coordinators.ApplicationAsync(this, districtDrafter, daysAgo: null, scan: "%PDF-1.4 черновик"u8.ToArray());
            await Coordinators.CoordinatorAsync(this, "iso.coord", d.District.Id);
        }
    }

    public static TheoryData<string> ForeignPages => new()
    {
        "details", "file", "own-file-through-foreign-application", "foreign-file-through-own-application", "draft", "draft-file",
    };

    [Theory]
    [MemberData(nameof(ForeignPages))]
    public async Task A_page_with_another_municipalitys_id_is_not_found(string which)
    {
        using var client = await world.SignInAsync("iso.coord");
        var url = which switch
        {
            "details" => $"/Municipality/Applications/Details?id={world.Foreign.Id}",
            "file" => $"/Municipality/Applications/File?id={world.Foreign.Id}&fileId={world.ForeignFileId}",
            "own-file-through-foreign-application" => $"/Municipality/Applications/File?id={world.Foreign.Id}&fileId={world.OwnFileId}",
            "foreign-file-through-own-application" => $"/Municipality/Applications/File?id={world.Own.Id}&fileId={world.ForeignFileId}",
            // A draft is the teacher's own until he submits it.
            "draft" => $"/Municipality/Applications/Details?id={world.OwnDraft.Id}",
            _ => $"/Municipality/Applications/File?id={world.OwnDraft.Id}&fileId={world.OwnDraft.Documents.Single().FileId}",
        };

        using var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_own_application_and_its_file_open()
    {
        using var client = await world.SignInAsync("iso.coord");

        using var details = await client.GetAsync($"/Municipality/Applications/Details?id={world.Own.Id}");
        using var file = await client.GetAsync($"/Municipality/Applications/File?id={world.Own.Id}&fileId={world.OwnFileId}");

        Assert.Equal(HttpStatusCode.OK, details.StatusCode);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("%PDF-1.4 район"u8.ToArray(), await file.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Registering_another_municipalitys_application_is_not_found_and_changes_nothing()
    {
        using var client = await world.SignInAsync("iso.coord");

        using var response = await Coordinators.ForgedPostAsync(client,
            $"/Municipality/Applications/Details?id={world.Foreign.Id}&handler=Register");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var foreign = await Coordinators.ReloadAsync(world, world.Foreign.Id);
        Assert.Equal((ApplicationStatus.Submitted, null), (foreign.Status, foreign.RegistrationNumber));
        await using var db = world.OpenDb();
        Assert.Empty(db.RegistrationCounters);
    }

    [Fact]
    public async Task Rejecting_another_municipalitys_application_is_not_found_and_changes_nothing()
    {
        using var client = await world.SignInAsync("iso.coord");
        var mails = (await world.SentMailsAsync()).Count;

        using var response = await Coordinators.ForgedPostAsync(client,
            $"/Municipality/Applications/Details?id={world.Foreign.Id}&handler=Reject",
            new Dictionary<string, string> { ["Reject.Reason"] = "Чужое заявление" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(ApplicationStatus.Submitted, (await Coordinators.ReloadAsync(world, world.Foreign.Id)).Status);
        Assert.Equal(mails, (await world.SentMailsAsync()).Count);
    }

    [Fact]
    public async Task Registering_another_municipalitys_withdrawal_is_not_found_and_changes_nothing()
    {
        using var client = await world.SignInAsync("iso.coord");

        using var response = await Coordinators.ForgedPostAsync(client,
            $"/Municipality/Withdrawals?id={world.ForeignWithdrawing.Id}&handler=Register");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var foreign = await Coordinators.ReloadAsync(world, world.ForeignWithdrawing.Id);
        Assert.True(foreign.IsWithdrawalPending);
        Assert.Equal(ApplicationStatus.Submitted, foreign.Status);
    }

    [Fact]
    public async Task Reminding_another_municipalitys_teacher_is_not_found_and_sends_nothing()
    {
        using var client = await world.SignInAsync("iso.coord");
        var mails = (await world.SentMailsAsync()).Count;

        using var response = await Coordinators.ForgedPostAsync(client,
            $"/Municipality/NotApplied?id={world.ForeignIdleTeacher.Id}&handler=Send");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(mails, (await world.SentMailsAsync()).Count);
    }

    [Fact]
    public async Task Reminding_a_teacher_who_has_submitted_is_not_found()
    {
        using var client = await world.SignInAsync("iso.coord");

        using var response = await Coordinators.ForgedPostAsync(client,
            $"/Municipality/NotApplied?id={world.Own.TeacherId}&handler=Send");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("/Municipality")]
    [InlineData("/Municipality/Registration?show=all")]
    [InlineData("/Municipality/Withdrawals")]
    [InlineData("/Municipality/NotApplied")]
    [InlineData("/Municipality/Invitations")]
    [InlineData("/Municipality/Work")]
    public async Task No_list_of_the_cabinet_shows_anything_of_another_municipality(string url)
    {
        using var client = await world.SignInAsync("iso.coord");

        var html = (await client.GetDocumentAsync(url)).DocumentElement.OuterHtml;

        foreach (var id in new[] { world.Foreign.Id, world.ForeignWithdrawing.Id, world.ForeignIdleTeacher.Id })
            Assert.DoesNotContain(id.ToString(), html, StringComparison.Ordinal);
        Assert.DoesNotContain("iso.city", html, StringComparison.Ordinal);
        Assert.DoesNotContain(world.Directory.Lyceum.Name, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_home_page_counts_only_the_own_municipality()
    {
        using var client = await world.SignInAsync("iso.coord");

        var page = await client.GetDocumentAsync("/Municipality");

        Assert.Equal("Количество заявлений = 1.", page.QuerySelector("#application-count")!.TextContent.Trim());
        Assert.Equal("1", page.QuerySelector("#count-waiting .display-6")!.TextContent.Trim());
        Assert.Equal("0", page.QuerySelector("#count-withdrawals .display-6")!.TextContent.Trim());
    }
}
