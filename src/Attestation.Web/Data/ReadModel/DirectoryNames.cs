using System.Collections.Frozen;
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
/// The names of every municipality, organisation, position and subject at one <see cref="Version"/> of the directories.
/// A list of fifty applications showed them by four lookups a row (twelve with the two experts), which were most of
/// PostgreSQL's work for the page (the fill list: 4.8 → 2.0 ms a request under load, bench/RESULTS.md); the lists now
/// read the ids and take the names from here (<see cref="ApplicationRows.ToRows"/>, <see cref="PersonRows.ToPeople"/>).
/// </summary>
public sealed class DirectoryNameSnapshot
{
    private static readonly AsyncLocal<DirectoryNameSnapshot?> Current = new();

    private readonly FrozenDictionary<int, string> _municipalities;
    private readonly FrozenDictionary<int, string> _organisations;
    private readonly FrozenDictionary<int, string> _positions;
    private readonly FrozenDictionary<int, string> _subjects;

    public DirectoryNameSnapshot(long version, IReadOnlyDictionary<int, string> municipalities,
        IReadOnlyDictionary<int, string> organisations, IReadOnlyDictionary<int, string> positions,
        IReadOnlyDictionary<int, string> subjects)
    {
        Version = version;
        _municipalities = municipalities.ToFrozenDictionary();
        _organisations = organisations.ToFrozenDictionary();
        _positions = positions.ToFrozenDictionary();
        _subjects = subjects.ToFrozenDictionary();
    }

    public long Version { get; }

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
    public string Municipality(int id) => _municipalities.GetValueOrDefault(id, "");

    public string Organisation(int id) => _organisations.GetValueOrDefault(id, "");

    public string Position(int id) => _positions.GetValueOrDefault(id, "");

    public string? Subject(int? id) => id is { } known ? _subjects.GetValueOrDefault(known) : null;

    public string? Municipality(int? id) => id is { } known ? _municipalities.GetValueOrDefault(known) : null;

    public string? Organisation(int? id) => id is { } known ? _organisations.GetValueOrDefault(known) : null;

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

    /// <summary>The version and every name in one statement, so that they belong together.</summary>
    private static async Task<DirectoryNameSnapshot> ReadAsync(AttestationDbContext db, CancellationToken ct)
    {
        var rows = await db.Database.SqlQueryRaw<NameRow>("""
            SELECT 0 AS "Kind", 0 AS "Id", NULL::text AS "Name", "Version" FROM "DirectoryVersions" WHERE "Id" = 1
            UNION ALL SELECT 1, "Id", "Name", 0 FROM "Municipalities"
            UNION ALL SELECT 2, "Id", "Name", 0 FROM "Organisations"
            UNION ALL SELECT 3, "Id", "Name", 0 FROM "Positions"
            UNION ALL SELECT 4, "Id", "Name", 0 FROM "Subjects"
            """).ToListAsync(ct);
        var version = rows.Where(r => r.Kind == 0).Select(r => r.Version).FirstOrDefault();
        Dictionary<int, string> Of(int kind) => rows.Where(r => r.Kind == kind).ToDictionary(r => r.Id, r => r.Name!);
        return new DirectoryNameSnapshot(version, Of(1), Of(2), Of(3), Of(4));
    }

    private sealed record NameRow(int Kind, int Id, string? Name, long Version);
}

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
