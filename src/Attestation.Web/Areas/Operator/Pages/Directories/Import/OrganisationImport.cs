using Attestation.Domain;
using Attestation.Domain.Directory;
using Attestation.Web.Data;
using Attestation.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Areas.Operator.Pages.Directories.Import;

/// <summary>
/// The import of organisations: one row per organisation, its municipality named as in the directory. Every row is
/// checked against the directory and the rest of the file before anything is saved.
/// </summary>
public sealed class OrganisationImport(AttestationDbContext db)
{
    public const int MunicipalityColumn = 0;
    public const int NameColumn = 1;
    public const int ShortNameColumn = 2;
    public const int VocationalColumn = 3;

    public static IReadOnlyList<ImportColumn> Columns { get; } =
    [
        new("Муниципальное образование", 30, "г. Пример",
            "Наименование или краткое наименование муниципального образования, как в справочнике портала (список — ниже)."),
        new("Полное наименование", 60, "МАОУ «Средняя общеобразовательная школа № 0» г. Примера",
            "Полное наименование образовательной организации; в одном муниципалитете не повторяется."),
        new("Краткое наименование", 24, "МАОУ СОШ № 0",
            "Необязательно. Так организация показывается в списках и документах."),
        new("СПО (да/нет)", 14, "нет",
            "«да» для колледжей и техникумов (профессиональные образовательные организации), иначе «нет» или пусто."),
    ];

    public sealed record Line(int Row, string Municipality, string Name, string? ShortName, bool IsVocational,
        int? MunicipalityId);

    public sealed record Result(IReadOnlyList<Line> Lines, IReadOnlyList<ImportProblem> Problems)
    {
        public bool IsValid => Problems.Count == 0;
    }

    public async Task<byte[]> TemplateAsync(CancellationToken ct)
    {
        var municipalities = await MunicipalityIndex.NamesAsync(db, ct);
        return ImportWorkbook.Template("Организации", Columns, [("Муниципальные образования", municipalities)]);
    }

    /// <summary>Checks every row; the lines carry what would be saved.</summary>
    public async Task<Result> CheckAsync(IReadOnlyList<SheetRow> rows, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var municipalities = await MunicipalityIndex.LoadAsync(db, ct);
        var existing = (await db.Organisations.AsNoTracking().Select(o => new { o.MunicipalityId, o.Name }).ToListAsync(ct))
            .Select(o => (o.MunicipalityId, DirectoryNames.Key(o.Name)))
            .ToHashSet();

        var problems = new List<ImportProblem>();
        var lines = new List<Line>();
        var seen = new Dictionary<(int, string), int>();
        foreach (var row in rows)
        {
            void Problem(int column, string message) => problems.Add(new ImportProblem(row.Number, Columns[column].Header, message));

            var municipalityId = municipalities.Find(row[MunicipalityColumn], message => Problem(MunicipalityColumn, message));

            var name = row[NameColumn];
            if (name.Length == 0)
                Problem(NameColumn, "Не указано наименование организации.");
            else if (name.Length > Organisation.NameMaxLength)
                Problem(NameColumn, $"Наименование длиннее {Organisation.NameMaxLength} символов.");

            var shortName = row[ShortNameColumn];
            if (shortName.Length > Organisation.ShortNameMaxLength)
                Problem(ShortNameColumn, $"Краткое наименование длиннее {Organisation.ShortNameMaxLength} символов.");

            var vocational = ImportWorkbook.YesNo(row[VocationalColumn]);
            if (vocational is null)
                Problem(VocationalColumn, $"Укажите «да» или «нет», а не «{row[VocationalColumn]}».");

            if (municipalityId is { } m && name.Length > 0)
            {
                var key = (m, DirectoryNames.Key(name));
                if (existing.Contains(key))
                    Problem(NameColumn, $"Организация «{name}» уже есть в справочнике в муниципалитете «{row[MunicipalityColumn]}».");
                else if (seen.TryGetValue(key, out var first))
                    Problem(NameColumn, $"Организация «{name}» этого муниципалитета уже указана в строке {first}.");
                else
                    seen[key] = row.Number;
            }

            lines.Add(new Line(row.Number, row[MunicipalityColumn], name, shortName.Length == 0 ? null : shortName,
                vocational ?? false, municipalityId));
        }

        return new Result(lines, problems);
    }

    /// <summary>The organisations of a checked file, to be added in one SaveChanges.</summary>
    public static IReadOnlyList<Organisation> Create(Result result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (!result.IsValid)
            throw new InvalidOperationException("Only a file without problems is imported.");
        return result.Lines
            .Select(l => new Organisation(l.MunicipalityId!.Value, l.Name, l.ShortName, l.IsVocational))
            .ToList();
    }
}

/// <summary>Municipalities found by their full or short name, as people write them in a spreadsheet.</summary>
internal sealed class MunicipalityIndex
{
    private readonly Dictionary<string, (int Id, string Name, bool IsActive)> _byKey = [];

    public static async Task<MunicipalityIndex> LoadAsync(AttestationDbContext db, CancellationToken ct)
    {
        var index = new MunicipalityIndex();
        var all = await db.Municipalities.AsNoTracking()
            .Select(m => new { m.Id, m.Name, m.ShortName, m.IsActive })
            .ToListAsync(ct);
        // Full names first: a short name never hides another municipality's full name.
        foreach (var m in all)
            index._byKey[DirectoryNames.Key(m.Name)] = (m.Id, m.Name, m.IsActive);
        foreach (var m in all.Where(m => m.ShortName is not null))
            index._byKey.TryAdd(DirectoryNames.Key(m.ShortName), (m.Id, m.Name, m.IsActive));
        return index;
    }

    /// <summary>The active municipalities as the template's reference sheet lists them: «Город Томск (г. Томск)».</summary>
    public static async Task<IReadOnlyList<string>> NamesAsync(AttestationDbContext db, CancellationToken ct) =>
        (await db.Municipalities.AsNoTracking()
            .Where(m => m.IsActive)
            .Select(m => new { m.Name, m.ShortName, m.IsRegionalPseudo })
            .ToListAsync(ct))
        .OrderBy(m => m.IsRegionalPseudo).ThenBy(m => m.Name, Alphabet.Russian)
        .Select(m => m.ShortName is null ? m.Name : $"{m.Name} ({m.ShortName})")
        .ToList();

    /// <summary>The id of the active municipality named <paramref name="text"/>; null with a message otherwise.</summary>
    public int? Find(string text, Action<string> problem)
    {
        if (text.Length == 0)
        {
            problem("Не указано муниципальное образование.");
            return null;
        }
        if (!_byKey.TryGetValue(DirectoryNames.Key(text), out var m))
        {
            problem($"Муниципальное образование «{text}» не найдено в справочнике.");
            return null;
        }
        if (!m.IsActive)
        {
            problem($"Муниципальное образование «{m.Name}» отключено.");
            return null;
        }
        return m.Id;
    }
}
