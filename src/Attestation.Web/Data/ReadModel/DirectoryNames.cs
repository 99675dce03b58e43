using System.Collections.Frozen;
using Attestation.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Attestation.Web.Data.ReadModel;

/// <summary>
/// The version of the directories' names: one row, raised by PostgreSQL itself (statement triggers on the
/// municipalities, organisations, positions and subjects, migration <c>DirectoryNamesVersion</c>) by every statement
/// that changes any of them, whoever runs it: the portal, an import, a script. Read with the account's check of every
/// signed-in request, so a request knows the names it must show without a statement of its own.
/// </summary>
public sealed class DirectoryVersion
{
    public const int TheRow = 1;

    public int Id { get; set; }

    public long Version { get; set; }
}

public sealed class DirectoryVersionConfiguration : IEntityTypeConfiguration<DirectoryVersion>
{
    public void Configure(EntityTypeBuilder<DirectoryVersion> builder)
    {
        builder.ToTable("DirectoryVersions");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Id).ValueGeneratedNever();
    }
}

/// <summary>
/// The directories at one <see cref="Version"/>: every municipality, organisation, position and subject with its name
/// and whether it is in use. A list of fifty applications showed the names by four lookups a row (twelve with the two
/// experts), which were most of PostgreSQL's work for the page (the fill list: 4.8 → 2.0 ms a request under load,
/// bench/RESULTS.md); the lists now read the ids and take the names from here (<see cref="ApplicationRows.ToRows"/>,
/// <see cref="PersonRows.ToPeople"/>). The municipalities are held in the order of the operator's lists too, sorted once
/// a version rather than by every page that shows a row a municipality, and the organisations in the order of their
/// directory.
/// </summary>
public sealed class DirectoryNameSnapshot
{
    private static readonly AsyncLocal<DirectoryNameSnapshot?> Current = new();

    private readonly FrozenDictionary<int, HeldMunicipality> _municipalities;
    private readonly FrozenDictionary<int, HeldOrganisation> _organisations;
    private readonly FrozenDictionary<int, string> _positions;
    private readonly FrozenDictionary<int, string> _subjects;
    private readonly FrozenDictionary<int, int> _municipalityPlaces;
    private readonly Lazy<HeldOrganisation[]> _organisationsInOrder;

    public DirectoryNameSnapshot(long version, IEnumerable<HeldMunicipality> municipalities,
        IEnumerable<HeldOrganisation> organisations, IReadOnlyDictionary<int, string> positions,
        IReadOnlyDictionary<int, string> subjects, DirectoryCounts active)
    {
        Version = version;
        _municipalities = municipalities.ToFrozenDictionary(m => m.Id);
        _organisations = organisations.ToFrozenDictionary(o => o.Id);
        _positions = positions.ToFrozenDictionary();
        _subjects = subjects.ToFrozenDictionary();
        Active = active;
        MunicipalitiesInOrder = [.. _municipalities.Values.OrderBy(m => m.IsRegionalPseudo).ThenBy(m => m.Name, Alphabet.Russian).ThenBy(m => m.Id)];
        _municipalityPlaces = MunicipalitiesInOrder.Select((m, place) => (m.Id, place)).ToFrozenDictionary(p => p.Id, p => p.place);
        MunicipalityIdsInOrder = [.. MunicipalitiesInOrder.Select(m => m.Id)];
        // Sorted when a list of organisations is first shown at this version: thousands of names, a country's.
        _organisationsInOrder = new Lazy<HeldOrganisation[]>(() =>
        [
            .. _organisations.Values
                .OrderBy(o => MunicipalityPlace(o.MunicipalityId)).ThenBy(o => !o.IsActive)
                .ThenBy(o => o.Name, Alphabet.Russian).ThenBy(o => o.Id),
        ]);
    }

    public long Version { get; }

    /// <summary>How many municipalities, organisations, positions and subjects are in use.</summary>
    public DirectoryCounts Active { get; }

    /// <summary>
    /// The municipalities in the order of the operator's lists: the region's own entry (its regional organisations)
    /// last, the rest in the order of the Russian alphabet.
    /// </summary>
    public IReadOnlyList<HeldMunicipality> MunicipalitiesInOrder { get; }

    /// <summary>
    /// The ids of <see cref="MunicipalitiesInOrder"/>, for a statement to order by a municipality's place in them
    /// (<c>array_position</c>) rather than by its name in the Russian collation, whose comparisons cost PostgreSQL a
    /// millisecond a sort of a country's groups. Not to be changed.
    /// </summary>
    public int[] MunicipalityIdsInOrder { get; }

    /// <summary>The organisations in the order of their directory: by municipality, those in use first, by name.</summary>
    public IReadOnlyList<HeldOrganisation> OrganisationsInOrder => _organisationsInOrder.Value;

    /// <summary>
    /// Where the municipality stands in <see cref="MunicipalitiesInOrder"/>; one added after this version, after all.
    /// </summary>
    public int MunicipalityPlace(int id) => _municipalityPlaces.GetValueOrDefault(id, int.MaxValue);

    /// <summary>
    /// The names this request reads: set for a signed-in request, once its account's check has read the version
    /// (<see cref="DirectoryNamesSetup.UseDirectoryNames"/>). Outside such a request (jobs, a visitor's pages, tests of a
    /// query) there is none and the lists look the names up in SQL, as before: the same names either way.
    /// </summary>
    public static DirectoryNameSnapshot? Ambient => Current.Value;

    /// <summary>Makes <paramref name="names"/> the <see cref="Ambient"/> names until the result is disposed.</summary>
    public static IDisposable Use(DirectoryNameSnapshot? names)
    {
        var before = Current.Value;
        Current.Value = names;
        return new Restore(before);
    }

    // A name missing here belongs to a row added after the version this request read (the next request reads anew):
    // shown empty rather than failing the page.
    public string Municipality(int id) => _municipalities.GetValueOrDefault(id)?.Name ?? "";

    public string Organisation(int id) => _organisations.GetValueOrDefault(id)?.Name ?? "";

    public string Position(int id) => _positions.GetValueOrDefault(id, "");

    public string? Subject(int? id) => id is { } known ? _subjects.GetValueOrDefault(known) : null;

    public string? Municipality(int? id) => id is { } known ? _municipalities.GetValueOrDefault(known)?.Name : null;

    public string? Organisation(int? id) => id is { } known ? _organisations.GetValueOrDefault(known)?.Name : null;

    public string? Position(int? id) => id is { } known ? _positions.GetValueOrDefault(known) : null;

    private sealed class Restore(DirectoryNameSnapshot? before) : IDisposable
    {
        public void Dispose() => Current.Value = before;
    }
}

/// <summary>
/// The instance's copy of the directories' names, read anew when a request has seen a newer version than it holds
/// (one statement, the version and every name in the same snapshot of the database). Nothing in it is the truth: any
/// instance reads the version with each request's account check, so a name changed on another instance shows on the
/// very next request here.
/// </summary>
public sealed class DirectoryNameCache : IDisposable
{
    private readonly SemaphoreSlim _reading = new(1, 1);
    private volatile DirectoryNameSnapshot? _held;

    /// <summary>The names at <paramref name="version"/> or later: the copy held, or read anew.</summary>
    public async ValueTask<DirectoryNameSnapshot> AtLeastAsync(AttestationDbContext db, long version, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (_held is { } held && held.Version >= version)
            return held;
        await _reading.WaitAsync(ct);
        try
        {
            if (_held is { } read && read.Version >= version)
                return read;
            var names = await ReadAsync(db, ct);
            if (_held is null || names.Version > _held.Version)
                _held = names;
            return names;
        }
        finally
        {
            _reading.Release();
        }
    }

    public void Dispose() => _reading.Dispose();

    /// <summary>
    /// The directories at the version the database holds now: the snapshot the request read with its account's check
    /// (<see cref="DirectoryNameSnapshot.Ambient"/>), or, outside such a request, the version read and the snapshot for it.
    /// </summary>
    public async ValueTask<DirectoryNameSnapshot> CurrentAsync(AttestationDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (DirectoryNameSnapshot.Ambient is { } ambient)
            return ambient;
        var version = await db.DirectoryVersions.AsNoTracking().MaxAsync(v => (long?)v.Version, ct) ?? 0;
        return await AtLeastAsync(db, version, ct);
    }

    /// <summary>The version and every entry in one statement, so that they belong together.</summary>
    private static async Task<DirectoryNameSnapshot> ReadAsync(AttestationDbContext db, CancellationToken ct)
    {
        var rows = await db.Database.SqlQueryRaw<EntryRow>("""
            SELECT 0 AS "Kind", 0 AS "Id", NULL::text AS "Name", "Version", 0 AS "MunicipalityId", NULL::text AS "ShortName",
                   TRUE AS "IsActive", FALSE AS "Flag"
                FROM "DirectoryVersions" WHERE "Id" = 1
            UNION ALL SELECT 1, "Id", "Name", 0, 0, NULL, "IsActive", "IsRegionalPseudo" FROM "Municipalities"
            UNION ALL SELECT 2, "Id", "Name", 0, "MunicipalityId", "ShortName", "IsActive", "IsVocational" FROM "Organisations"
            UNION ALL SELECT 3, "Id", "Name", 0, 0, NULL, "IsActive", FALSE FROM "Positions"
            UNION ALL SELECT 4, "Id", "Name", 0, 0, NULL, "IsActive", FALSE FROM "Subjects"
            """).ToListAsync(ct);
        var version = rows.Where(r => r.Kind == 0).Select(r => r.Version).FirstOrDefault();
        IEnumerable<EntryRow> Of(int kind) => rows.Where(r => r.Kind == kind);
        int ActiveOf(int kind) => Of(kind).Count(r => r.IsActive);
        return new DirectoryNameSnapshot(version,
            Of(1).Select(r => new HeldMunicipality(r.Id, r.Name!, r.IsActive, IsRegionalPseudo: r.Flag)),
            Of(2).Select(r => new HeldOrganisation(r.Id, r.MunicipalityId, r.Name!, r.ShortName, IsVocational: r.Flag, r.IsActive)),
            Of(3).ToDictionary(r => r.Id, r => r.Name!),
            Of(4).ToDictionary(r => r.Id, r => r.Name!),
            new DirectoryCounts(ActiveOf(1), ActiveOf(2), ActiveOf(3), ActiveOf(4)));
    }

    private sealed record EntryRow(int Kind, int Id, string? Name, long Version, int MunicipalityId, string? ShortName,
        bool IsActive, bool Flag);
}

/// <summary>A municipality as the directories held by the instance know it.</summary>
public sealed record HeldMunicipality(int Id, string Name, bool IsActive, bool IsRegionalPseudo);

/// <summary>An organisation as the directories held by the instance know it.</summary>
public sealed record HeldOrganisation(int Id, int MunicipalityId, string Name, string? ShortName, bool IsVocational, bool IsActive);

/// <summary>The entries of each directory in use.</summary>
public sealed record DirectoryCounts(int Municipalities, int Organisations, int Positions, int Subjects);

public static class DirectoryNamesSetup
{
    private const string VersionKey = "Attestation.DirectoryVersion";

    public static IServiceCollection AddDirectoryNames(this IServiceCollection services) =>
        services.AddSingleton<DirectoryNameCache>();

    /// <summary>The version of the directories the account's check of this request read along (AccountCheck).</summary>
    public static void SetDirectoryVersion(this HttpContext context, long version)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Items[VersionKey] = version;
    }

    /// <summary>
    /// After the authentication: a signed-in request whose account's check read the directories' version runs with
    /// the names at that version as its <see cref="DirectoryNameSnapshot.Ambient"/> names (read anew only when they
    /// changed since the instance last read them).
    /// </summary>
    public static IApplicationBuilder UseDirectoryNames(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.Items.TryGetValue(VersionKey, out var value) && value is long version)
            {
                var db = context.RequestServices.GetRequiredService<AttestationDbContext>();
                var names = await context.RequestServices.GetRequiredService<DirectoryNameCache>()
                    .AtLeastAsync(db, version, context.RequestAborted);
                using (DirectoryNameSnapshot.Use(names))
                    await next(context);
                return;
            }
            await next(context);
        });
}
