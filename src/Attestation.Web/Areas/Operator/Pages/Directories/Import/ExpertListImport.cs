using Attestation.Domain;
using Attestation.Domain.Experts;
using Attestation.Domain.Periods;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Areas.Operator.Pages.Directories.Import;

/// <summary>
/// The import of the approved experts list of a school year («список специалистов по аттестации», approved by the
/// regional department's order): one row per expert and municipality. The experts are existing accounts in the role
/// «Специалист по аттестации», found by login or e-mail.
/// </summary>
public sealed class ExpertListImport(AttestationDbContext db, ILookupNormalizer normalizer)
{
    public const int LoginColumn = 0;
    public const int MunicipalityColumn = 1;
    public const int SubjectColumn = 2;
    public const int PositionColumn = 3;

    public static IReadOnlyList<ImportColumn> Columns { get; } =
    [
        new("Логин или адрес электронной почты", 34, "ivanova.example@example.ru",
            "Логин или адрес электронной почты учётной записи специалиста на портале (роль «Специалист по аттестации»).",
            FormerHeader: "Логин или e-mail"),
        new("Муниципальное образование", 30, "г. Пример",
            "Муниципалитет, по которому специалист включён в список (наименование или краткое наименование, как в справочнике)."),
        new("Предмет", 28, "математики",
            "Необязательно. Предмет (направление) из справочника портала, в родительном падеже: «математики»."),
        new("Должность", 28, "учитель",
            "Необязательно. Должность из справочника портала."),
    ];

    public sealed record Line(int Row, string Login, string? ExpertName, string Municipality, string? Subject,
        string? Position, Guid? ExpertId, int? MunicipalityId, int? SubjectId, int? PositionId);

    public sealed record Result(IReadOnlyList<Line> Lines, IReadOnlyList<ImportProblem> Problems)
    {
        public bool IsValid => Problems.Count == 0;
    }

    public async Task<byte[]> TemplateAsync(CancellationToken ct)
    {
        var municipalities = await MunicipalityIndex.NamesAsync(db, ct);
        var subjects = (await db.Subjects.AsNoTracking().Where(s => s.IsActive).Select(s => s.Name).ToListAsync(ct))
            .Order(Alphabet.Russian).ToList();
        var positions = (await db.Positions.AsNoTracking().Where(p => p.IsActive).Select(p => p.Name).ToListAsync(ct))
            .Order(Alphabet.Russian).ToList();
        return ImportWorkbook.Template("Специалисты", Columns,
            [("Муниципальные образования", municipalities), ("Предметы", subjects), ("Должности", positions)]);
    }

    public async Task<Result> CheckAsync(SchoolYear year, IReadOnlyList<SheetRow> rows, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var municipalities = await MunicipalityIndex.LoadAsync(db, ct);
        var subjects = await NamedAsync(db.Subjects.AsNoTracking().Select(s => new Named(s.Id, s.Name, s.IsActive)), ct);
        var positions = await NamedAsync(db.Positions.AsNoTracking().Select(p => new Named(p.Id, p.Name, p.IsActive)), ct);
        var people = await PeopleAsync(rows.Select(r => r[LoginColumn]).Where(l => l.Length > 0).ToList(), ct);
        var listed = (await db.ApprovedExperts.AsNoTracking()
                .Where(e => db.ApprovedExpertLists.Any(l => l.Id == e.ListId && l.SchoolYearStart == year.StartYear))
                .Select(e => new { e.ExpertId, e.MunicipalityId })
                .ToListAsync(ct))
            .Select(e => (e.ExpertId, e.MunicipalityId))
            .ToHashSet();

        var problems = new List<ImportProblem>();
        var lines = new List<Line>();
        var seen = new Dictionary<(Guid, int), int>();
        foreach (var row in rows)
        {
            void Problem(int column, string message) => problems.Add(new ImportProblem(row.Number, Columns[column].Header, message));

            var login = row[LoginColumn];
            Person? person = null;
            if (login.Length == 0)
                Problem(LoginColumn, "Не указан логин или адрес электронной почты специалиста.");
            else if (!people.TryGetValue(Key(login), out var found) || found.Count == 0)
                Problem(LoginColumn, $"Пользователь «{login}» не найден на портале.");
            else if (found.Count > 1)
                Problem(LoginColumn, $"«{login}» — логин одного пользователя и адрес электронной почты другого: укажите логин.");
            else if (found[0].Role != Roles.Expert)
                Problem(LoginColumn, $"Пользователь «{login}» ({found[0].FullName}) не является специалистом по аттестации: "
                    + (found[0].Role is { } role ? $"его роль — «{Roles.DisplayName(role)}»." : "у него нет роли."));
            else
                person = found[0];

            var municipalityId = municipalities.Find(row[MunicipalityColumn], message => Problem(MunicipalityColumn, message));
            var subjectId = Find(subjects, row[SubjectColumn], "Предмет", message => Problem(SubjectColumn, message));
            var positionId = Find(positions, row[PositionColumn], "Должность", message => Problem(PositionColumn, message));

            if (person is not null && municipalityId is { } m)
            {
                if (listed.Contains((person.Id, m)))
                    Problem(LoginColumn, $"{person.FullName} уже включён(а) в список на {year} учебный год по муниципалитету «{row[MunicipalityColumn]}».");
                else if (seen.TryGetValue((person.Id, m), out var first))
                    Problem(LoginColumn, $"{person.FullName} по этому муниципалитету уже указан(а) в строке {first}.");
                else
                    seen[(person.Id, m)] = row.Number;
            }

            lines.Add(new Line(row.Number, login, person?.FullName, row[MunicipalityColumn],
                Optional(row[SubjectColumn]), Optional(row[PositionColumn]), person?.Id, municipalityId, subjectId, positionId));
        }

        return new Result(lines, problems);
    }

    /// <summary>
    /// Adds the checked lines to the year's list (created when the year has none) and records the approving order. The
    /// caller saves.
    /// </summary>
    public async Task<ApprovedExpertList> AddAsync(SchoolYear year, string orderNumber, DateOnly orderDate, Result result,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (!result.IsValid)
            throw new InvalidOperationException("Only a file without problems is imported.");
        var list = await db.ApprovedExpertLists.Include(l => l.Entries).SingleOrDefaultAsync(l => l.SchoolYearStart == year.StartYear, ct);
        if (list is null)
        {
            list = new ApprovedExpertList(year);
            db.ApprovedExpertLists.Add(list);
        }
        list.RecordOrder(orderNumber, orderDate);
        foreach (var line in result.Lines)
            list.Add(line.ExpertId!.Value, line.MunicipalityId!.Value, line.SubjectId, line.PositionId);
        return list;
    }

    private sealed record Named(int Id, string Name, bool IsActive);

    private sealed record Person(Guid Id, string FullName, string? UserName, string? Email, string? Role);

    private static async Task<Dictionary<string, Named>> NamedAsync(IQueryable<Named> query, CancellationToken ct)
    {
        var byKey = new Dictionary<string, Named>();
        foreach (var item in await query.ToListAsync(ct))
            byKey.TryAdd(DirectoryNames.Key(item.Name), item);
        return byKey;
    }

    private static int? Find(Dictionary<string, Named> items, string text, string what, Action<string> problem)
    {
        if (text.Length == 0)
            return null;
        if (!items.TryGetValue(DirectoryNames.Key(text), out var item))
        {
            problem($"{what} «{text}» не найден(а) в справочнике.");
            return null;
        }
        if (!item.IsActive)
        {
            problem($"{what} «{item.Name}» отключен(а) в справочнике.");
            return null;
        }
        return item.Id;
    }

    /// <summary>The accounts each login or e-mail of the file names: by key, every user whose login or e-mail it is.</summary>
    private async Task<Dictionary<string, List<Person>>> PeopleAsync(IReadOnlyList<string> logins, CancellationToken ct)
    {
        var keys = logins.Select(Key).Distinct().ToList();
        var found = await (
            from u in db.Users.AsNoTracking()
            where keys.Contains(u.NormalizedUserName!) || keys.Contains(u.NormalizedEmail!)
            select new
            {
                u.Id,
                u.LastName,
                u.FirstName,
                u.MiddleName,
                u.NormalizedUserName,
                u.NormalizedEmail,
                Role = (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == u.Id select r.Name)
                    .FirstOrDefault(),
            })
            .ToListAsync(ct);
        var people = found
            .Select(u => new Person(u.Id, PersonName.Join(u.LastName, u.FirstName, u.MiddleName), u.NormalizedUserName,
                u.NormalizedEmail, u.Role))
            .ToList();
        return keys.ToDictionary(
            key => key,
            key => people.Where(p => p.UserName == key || p.Email == key).ToList());
    }

    private string Key(string login) => normalizer.NormalizeName(login.Trim());

    private static string? Optional(string text) => text.Length == 0 ? null : text;
}
