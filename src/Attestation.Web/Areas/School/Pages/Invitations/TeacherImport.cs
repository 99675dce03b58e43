using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Attestation.Web.Areas.Operator.Pages.Directories;
using Attestation.Web.Areas.Operator.Pages.Directories.Import;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Areas.School.Pages.Invitations;

/// <summary>
/// «Оформление заявки и подача данных на педагогов для открытия личных кабинетов» (seed 003, item 6) from an Excel
/// list: one row per teacher of the coordinator's organisation. Every row is checked (the name in Russian letters, the
/// address, the position and subject as the directory names them, an address already registered, already invited or
/// given twice) before anything is saved; the list is saved whole or not at all, as the directory imports are.
/// </summary>
public sealed partial class TeacherImport(AttestationDbContext db, ILookupNormalizer normalizer)
{
    public const int LastNameColumn = 0;
    public const int FirstNameColumn = 1;
    public const int MiddleNameColumn = 2;
    public const int EmailColumn = 3;
    public const int PositionColumn = 4;
    public const int SubjectColumn = 5;

    public static IReadOnlyList<ImportColumn> Columns { get; } =
    [
        new("Фамилия", 22, "Примерова", "Русскими буквами, как в паспорте."),
        new("Имя", 18, "Анна", "Русскими буквами."),
        new("Отчество", 22, "Сергеевна", "Необязательно (при наличии)."),
        new("Электронная почта", 32, "primerova@example.ru",
            "Адрес, на который педагог получит приглашение со ссылкой для регистрации. Адрес, уже зарегистрированный в системе, не подходит."),
        new("Должность", 28, "учитель", "Должность из справочника портала (список — ниже)."),
        new("Предмет (направление)", 28, "математики",
            "Необязательно. Предмет (направление) из справочника портала, в родительном падеже: «математики» (список — ниже)."),
    ];

    public sealed record Line(int Row, string LastName, string FirstName, string? MiddleName, string Email, string Position,
        string? Subject, int? PositionId, int? SubjectId)
    {
        public string FullName => Domain.PersonName.Join(LastName, FirstName, MiddleName);

        public InvitedTeacher Teacher => new(LastName, FirstName, MiddleName, PositionId!.Value, SubjectId);
    }

    public sealed record Result(IReadOnlyList<Line> Lines, IReadOnlyList<ImportProblem> Problems)
    {
        public bool IsValid => Problems.Count == 0;
    }

    public async Task<byte[]> TemplateAsync(CancellationToken ct)
    {
        var positions = (await db.Positions.AsNoTracking().Where(p => p.IsActive).Select(p => p.Name).ToListAsync(ct))
            .Order(Alphabet.Russian).ToList();
        var subjects = (await db.Subjects.AsNoTracking().Where(s => s.IsActive).Select(s => s.Name).ToListAsync(ct))
            .Order(Alphabet.Russian).ToList();
        return ImportWorkbook.Template("Педагоги", Columns, [("Должности", positions), ("Предметы (направления)", subjects)]);
    }

    /// <summary>Checks every row; the lines carry what would be saved.</summary>
    public async Task<Result> CheckAsync(IReadOnlyList<SheetRow> rows, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var positions = await ActiveAsync(db.Positions.AsNoTracking().Where(p => p.IsActive).Select(p => new { p.Id, p.Name }).ToListAsync(ct),
            p => (p.Id, p.Name));
        var subjects = await ActiveAsync(db.Subjects.AsNoTracking().Where(s => s.IsActive).Select(s => new { s.Id, s.Name }).ToListAsync(ct),
            s => (s.Id, s.Name));
        var emails = rows.Select(r => r[EmailColumn]).Where(e => e.Length > 0).ToList();
        var taken = await TeacherInvitations.TakenAddressesAsync(db, normalizer, emails, now, ct);

        var problems = new List<ImportProblem>();
        var lines = new List<Line>();
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var email = new EmailAddressAttribute();
        foreach (var row in rows)
        {
            void Problem(int column, string message) => problems.Add(new ImportProblem(row.Number, Columns[column].Header, message));

            var lastName = Name(row, LastNameColumn, required: true, Problem);
            var firstName = Name(row, FirstNameColumn, required: true, Problem);
            var middleName = Name(row, MiddleNameColumn, required: false, Problem);

            var address = row[EmailColumn];
            if (address.Length == 0)
                Problem(EmailColumn, "Не указан адрес электронной почты.");
            else if (address.Length > Invitation.EmailMaxLength || !email.IsValid(address) || address.Contains(' ', StringComparison.Ordinal))
                Problem(EmailColumn, $"Адрес электронной почты «{address}» указан неверно.");
            else if (taken.TryGetValue(normalizer.NormalizeEmail(address), out var why))
                Problem(EmailColumn, why);
            else if (seen.TryGetValue(address, out var first))
                Problem(EmailColumn, $"Адрес «{address}» уже указан в строке {first}.");
            else
                seen[address] = row.Number;

            int? positionId = null;
            if (row[PositionColumn].Length == 0)
                Problem(PositionColumn, "Не указана должность.");
            else if (positions.TryGetValue(DirectoryNames.Key(row[PositionColumn]), out var position))
                positionId = position;
            else
                Problem(PositionColumn, $"Должность «{row[PositionColumn]}» не найдена в справочнике.");

            int? subjectId = null;
            if (row[SubjectColumn].Length > 0)
            {
                if (subjects.TryGetValue(DirectoryNames.Key(row[SubjectColumn]), out var subject))
                    subjectId = subject;
                else
                    Problem(SubjectColumn, $"Предмет «{row[SubjectColumn]}» не найден в справочнике.");
            }

            lines.Add(new Line(row.Number, lastName, firstName, middleName, address, row[PositionColumn],
                row[SubjectColumn].Length == 0 ? null : row[SubjectColumn], positionId, subjectId));
        }

        return new Result(lines, problems);
    }

    /// <summary>
    /// The invitation id of a row of a staged file: the same file saved twice (a resent post) makes the same ids, and the
    /// database refuses the second set.
    /// </summary>
    public static Guid InvitationId(Guid fileId, int row)
    {
        Span<byte> source = stackalloc byte[20];
        fileId.TryWriteBytes(source);
        BitConverter.TryWriteBytes(source[16..], row);
        return new Guid(SHA256.HashData(source)[..16]);
    }

    private static string Name(SheetRow row, int column, bool required, Action<int, string> problem)
    {
        var text = row[column];
        if (text.Length == 0)
        {
            if (required)
                problem(column, $"Не указано: «{Columns[column].Header}».");
            return "";
        }
        if (!RussianName().IsMatch(text))
            problem(column, $"«{text}»: {PersonFields.RussianMessage}");
        else if (text.Length > Domain.PersonName.PartMaxLength)
            problem(column, $"Длиннее {Domain.PersonName.PartMaxLength} символов.");
        return PersonFields.Normalize(text);
    }

    private static async Task<Dictionary<string, int>> ActiveAsync<T>(Task<List<T>> entries, Func<T, (int Id, string Name)> select)
    {
        var byKey = new Dictionary<string, int>();
        foreach (var (id, name) in (await entries).Select(select))
            byKey.TryAdd(DirectoryNames.Key(name), id);
        return byKey;
    }

    [GeneratedRegex(PersonFields.RussianPattern)]
    private static partial Regex RussianName();
}

/// <summary>The checks the single form and the import share.</summary>
public static class TeacherInvitations
{
    /// <summary>
    /// Of <paramref name="emails"/>, those that need no invitation, with the reason in Russian: an account has the
    /// address, or a pending invitation was sent to it. Keyed by the normalised address. Two statements.
    /// </summary>
    public static async Task<Dictionary<string, string>> TakenAddressesAsync(AttestationDbContext db, ILookupNormalizer normalizer,
        IReadOnlyCollection<string> emails, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(normalizer);
        ArgumentNullException.ThrowIfNull(emails);
        var normalised = emails.Select(normalizer.NormalizeEmail).Distinct().ToList();
        var registered = await db.Users.AsNoTracking()
            .Where(u => u.NormalizedEmail != null && normalised.Contains(u.NormalizedEmail))
            .Select(u => u.NormalizedEmail!)
            .ToListAsync(ct);
        var lowered = emails.Select(e => e.Trim().ToLowerInvariant()).Distinct().ToList();
        // ToLower() is PostgreSQL's lower() here, not the server's culture: the analyzers' advice does not translate.
#pragma warning disable CA1304, CA1311
        var invited = await db.Invitations.AsNoTracking()
            .Where(i => i.AcceptedAt == null && i.ExpiresAt > now && lowered.Contains(i.Email.ToLower()))
            .Select(i => new { i.Email, i.ExpiresAt })
            .ToListAsync(ct);
#pragma warning restore CA1304, CA1311

        var taken = new Dictionary<string, string>();
        foreach (var invitation in invited)
            taken[normalizer.NormalizeEmail(invitation.Email)] =
                $"На адрес «{invitation.Email}» уже отправлено приглашение, ссылка действует до {invitation.ExpiresAt.ToRegionDate()}.";
        foreach (var address in registered)
            taken[address] = $"Адрес «{emails.First(e => normalizer.NormalizeEmail(e) == address)}» уже зарегистрирован в системе: приглашение не нужно.";
        return taken;
    }
}
