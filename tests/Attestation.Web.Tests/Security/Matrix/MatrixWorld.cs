using System.Collections.Concurrent;
using Attestation.Domain;
using Attestation.Domain.Applications;
using Attestation.Domain.Periods;
using Attestation.Testing;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Attestation.Web.Tests.Security.Matrix;

/// <summary>
/// One portal and one database for the whole authorization matrix: two municipalities, A and B, built alike — in each a
/// municipal coordinator, a school with its coordinator, a teacher with applications in every state a page acts on (a
/// draft, submitted, registered, scheduled with the municipality's two experts, with the conclusion uploaded, signed,
/// with a withdrawal pending), a teacher who has not applied and a notice in the teacher's bell — and an operator. The
/// schedule of the period is approved and the clock stands on the 16th of the month before it, so the experts see
/// their attestees. Everyone is signed in once, through the login form.
/// </summary>
public sealed class MatrixWorld : MunicipalFactory
{
    private readonly ConcurrentDictionary<string, HttpClient> _clients = new();
    private readonly ConcurrentDictionary<string, string> _tokens = new();

    public Side A { get; private set; } = null!;

    public Side B { get; private set; } = null!;

    public AppUser Operator { get; private set; } = null!;

    public sealed record Side(
        string Key,
        MunicipalWorld.Place Place,
        AppUser Coordinator,
        AppUser SchoolCoordinator,
        AppUser Teacher,
        AppUser IdleTeacher,
        AppUser Expert,
        AppUser SecondExpert,
        Application Draft,
        Application Submitted,
        Application Registered,
        Application Scheduled,
        Application Uploaded,
        Application WithSignedConclusion,
        Application Withdrawing,
        long NoticeId)
    {
        /// <summary>The coordinator's «Сформировать» of a withdrawal of <see cref="Registered"/>: the protected draft it gave him.</summary>
        public string WithdrawalDraft { get; set; } = "";

        /// <summary>The same draft once «Прикрепить» attached the signed scan.</summary>
        public string WithdrawalDraftWithScan { get; set; } = "";

        public Guid DraftFileId => Draft.Documents[0].FileId;

        public Guid DraftDocumentId => Draft.Documents[0].Id;

        public Guid SubmittedFileId => Submitted.Documents[0].FileId;

        public Guid ScheduledFileId => Scheduled.Documents[0].FileId;

        public Guid ConclusionFileId => WithSignedConclusion.Conclusion!.FileId;

        /// <summary>
        /// The person of this side who holds <paramref name="role"/>: the teacher for a page open to everyone signed in,
        /// the municipal coordinator for one open to the staff.
        /// </summary>
        public AppUser Holder(Access role) => role switch
        {
            Access.Municipality or Access.Staff => Coordinator,
            Access.School => SchoolCoordinator,
            Access.Teacher or Access.SignedIn => Teacher,
            Access.Expert => Expert,
            _ => throw new ArgumentOutOfRangeException(nameof(role), role, "No scoped holder of this role."),
        };
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Operator = await CreateUserAsync(Roles.Operator, "matrix.operator");
        var world = new MunicipalWorld(this);
        A = await SideAsync(world, "a", "Город А");
        B = await SideAsync(world, "b", "Город Б");

        await using (var db = OpenDb())
        {
            db.ScheduleApprovals.AddRange(
                new ScheduleApproval(OpenPeriod.Id, A.Place.Municipality.Id, Operator.Id, Now),
                new ScheduleApproval(OpenPeriod.Id, B.Place.Municipality.Id, Operator.Id, Now));
            await db.SaveChangesAsync();
        }
        // The 16th of the month before the period: the approved schedule is visible to its experts.
        var start = new DateOnly(OpenPeriod.StartYear, OpenPeriod.StartMonth, 1);
        Clock.SetUtcNow(RegionClock.StartOfDay(start.AddMonths(-1).AddDays(PeriodCalendar.ExpertScheduleVisibleFromDay - 1), Zone)
            .AddHours(9));

        var logins = new[] { Operator.UserName! }
            .Concat(new[] { A, B }.SelectMany(side => new[]
            {
                side.Coordinator.UserName!, side.SchoolCoordinator.UserName!, side.Teacher.UserName!, side.Expert.UserName!,
            }));
        foreach (var login in logins)
            _clients[login] = await SignInAsync(login);
        foreach (var side in new[] { A, B })
            await PrepareWithdrawalAsync(side);
    }

    public Side Other(Side side) => side == A ? B : A;

    /// <summary>The signed-in client of <paramref name="user"/>, one session for the whole class.</summary>
    public HttpClient ClientOf(AppUser user) => _clients[user.UserName!];

    /// <summary>The antiforgery token of <paramref name="user"/>'s own session, read once from a form of his.</summary>
    public async Task<string> TokenOfAsync(AppUser user)
    {
        if (_tokens.TryGetValue(user.UserName!, out var token))
            return token;
        var document = await ClientOf(user).GetDocumentAsync("/Account/ChangePassword");
        token = document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException("/Account/ChangePassword has no antiforgery token.");
        return _tokens[user.UserName!] = token;
    }

    /// <summary>
    /// A fingerprint of every table a request could change on purpose (the audit log, the key ring and the figures the
    /// jobs count ahead are left out: reading is logged there): one md5 of each table's rows in a stable order.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string>> FingerprintAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
                         """
                         SELECT table_name FROM information_schema.tables
                         WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
                           AND table_name NOT IN ('AuditEvents', 'DataProtectionKeys', 'CountedAhead', '__EFMigrationsHistory')
                         ORDER BY table_name
                         """, connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
                tables.Add(reader.GetString(0));
        }

        var sql = string.Join(" UNION ALL ", tables.Select(table =>
            $"SELECT '{table}', coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') FROM \"{table}\" t"));
        var result = new Dictionary<string, string>();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var rows = await command.ExecuteReaderAsync();
        while (await rows.ReadAsync())
            result[rows.GetString(0)] = rows.GetString(1);
        return result;
    }

    private async Task<Side> SideAsync(MunicipalWorld world, string key, string name)
    {
        var place = await world.MunicipalityAsync(name);
        var directory = Directory;
        var municipality = place.Municipality.Id;
        var coordinator = await this.MunicipalCoordinatorAsync($"matrix.{key}.coordinator", municipality);
        var school = await CreateUserAsync(Roles.SchoolCoordinator, $"matrix.{key}.school", user =>
        {
            user.MunicipalityId = municipality;
            user.OrganisationId = place.School.Id;
        });
        var teacher = await CreateUserAsync(Roles.Teacher, $"matrix.{key}.teacher", user =>
        {
            user.LastName = key == "a" ? "Аверина" : "Борисова";
            user.MunicipalityId = municipality;
            user.OrganisationId = place.School.Id;
            user.PositionId = directory.SchoolTeacher.Id;
            user.SubjectId = directory.Mathematics.Id;
        });
        var idle = await CreateUserAsync(Roles.Teacher, $"matrix.{key}.idle", user =>
        {
            user.LastName = key == "a" ? "Алексеева" : "Быстрова";
            user.MunicipalityId = municipality;
            user.OrganisationId = place.School.Id;
            user.PositionId = directory.SchoolTeacher.Id;
        });
        var expert = await ExpertAsync(world, place, $"matrix.{key}.expert");
        var second = await ExpertAsync(world, place, $"matrix.{key}.expert2");

        Task<Application> At(ApplicationStage stage, Func<ApplicationBuilder, ApplicationBuilder>? adjust = null)
        {
            var builder = this.Applications.Of(teacher)
                .Document(ApplicationDocumentKind.SignedApplication, "скан заявления.pdf")
                .StartedAt(Now.AddDays(-12))
                .SubmittedAt(Now.AddDays(-10))
                .Registered(at: Now.AddDays(-8))
                .Scheduled(OpenPeriod, expert, second, Now.AddDays(-1))
                .Concluded(expert: expert, at: Now.AddHours(-3));
            return (adjust?.Invoke(builder) ?? builder).AtAsync(stage);
        }

        var draft = await At(ApplicationStage.Draft);
        var submitted = await At(ApplicationStage.Submitted);
        var registered = await this.Applications.Of(teacher)
            .Document(ApplicationDocumentKind.SignedApplication, "скан заявления.pdf")
            .SubmittedAt(Now.AddDays(-10))
            .Registered(at: Now.AddDays(-8))
            .AtAsync(ApplicationStage.Registered);
        var scheduled = await At(ApplicationStage.Scheduled);
        var uploaded = await At(ApplicationStage.ConclusionUploaded);
        var signed = await At(ApplicationStage.ConclusionSigned, builder => builder.SignedCopy(Now.AddHours(-2)));
        var withdrawing = await At(ApplicationStage.Submitted,
            builder => builder.Withdrawn(WithdrawalReason.Health, at: Now.AddDays(-2), registered: false));

        long notice;
        await using (var db = OpenDb())
        {
            var notification = new Notification
            {
                UserId = teacher.Id,
                Kind = LetterKind.Registered,
                ApplicationId = submitted.Id,
                CreatedAt = Now.AddDays(-1),
                Title = "Заявление зарегистрировано",
                Text = "Заявление зарегистрировано.",
                Link = $"/Teacher/Applications/Details?id={submitted.Id}",
            };
            db.Notifications.Add(notification);
            await db.SaveChangesAsync();
            notice = notification.Id;
        }

        return new Side(key, place, coordinator, school, teacher, idle, expert, second, draft, submitted, registered,
            scheduled, uploaded, signed, withdrawing, notice);
    }

    /// <summary>
    /// The coordinator forms the withdrawal document and attaches its scan, as «Отзыв заявления» does: the steps keep
    /// their state in a protected draft in the address, which the replays of the later steps carry.
    /// </summary>
    private async Task PrepareWithdrawalAsync(Side side)
    {
        var client = ClientOf(side.Coordinator);
        var token = await TokenOfAsync(side.Coordinator);
        var url = $"/Municipality/Withdraw/Prepare?id={side.Registered.Id}";
        using (var form = await client.PostAsync($"{url}&handler=Form", new FormUrlEncodedContent(new Dictionary<string, string>
               {
                   ["Input.Reason"] = nameof(WithdrawalReason.Health),
                   ["__RequestVerificationToken"] = token,
               })))
            side.WithdrawalDraft = DraftOf(form);

        using var content = new MultipartFormDataContent
        {
            { new StringContent(side.WithdrawalDraft), "Draft" },
            { new StringContent(token), "__RequestVerificationToken" },
        };
        var scan = new ByteArrayContent(ApplicationBuilder.Pdf);
        scan.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
        content.Add(scan, "Scan", "отзыв.pdf");
        using var attach = await client.PostAsync($"{url}&handler=Attach", content);
        side.WithdrawalDraftWithScan = DraftOf(attach);
    }

    private static string DraftOf(HttpResponseMessage response)
    {
        var location = response.Headers.Location
            ?? throw new InvalidOperationException($"The withdrawal step answered {(int)response.StatusCode}, not a redirect.");
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(new Uri("http://localhost"), location).Query);
        return query["draft"].ToString() is { Length: > 0 } draft
            ? draft
            : throw new InvalidOperationException($"The withdrawal step redirected to {location} without a draft.");
    }

    private async Task<AppUser> ExpertAsync(MunicipalWorld world, MunicipalWorld.Place place, string login)
    {
        var expert = await world.ExpertAsync(place, "Экспертова");
        // A login of the matrix's own, so that the sign-in and the messages name the side.
        await using var db = OpenDb();
        var user = await db.Users.SingleAsync(u => u.Id == expert.Id);
        user.UserName = login;
        user.NormalizedUserName = login.ToUpperInvariant();
        await db.SaveChangesAsync();
        return user;
    }
}
