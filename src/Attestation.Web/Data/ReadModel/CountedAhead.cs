using System.Collections.Concurrent;
using System.Text.Json;
using Attestation.Web.Infrastructure;
using Attestation.Web.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Options;

namespace Attestation.Web.Data.ReadModel;

/// <summary>
/// A region-wide figure as <see cref="AheadCounting"/> last counted it: what a page of the operator's would otherwise
/// count over every application of the region on each request (the monitoring of the last twelve months, the
/// applications waiting for the commission, the year's journals, the periods of the school year); and a municipality's
/// monitoring as the request that counted it kept it (<see cref="MonitoringReports"/>). One row a figure, its content
/// JSON; read through <see cref="CountedAheadStore"/>, which answers only while the figure is fresh.
/// </summary>
public sealed class CountedAhead
{
    public const int KeyMaxLength = 100;

    /// <summary>Which figure, and for what (<see cref="AheadKeys"/>): «commission-waiting», «journals:2026».</summary>
    public required string Key { get; set; }

    /// <summary>The region's date the figure was counted for: «today» in its conditions.</summary>
    public DateOnly Day { get; set; }

    public required string Content { get; set; }

    public DateTimeOffset CountedAt { get; set; }
}

public sealed class CountedAheadConfiguration : IEntityTypeConfiguration<CountedAhead>
{
    public void Configure(EntityTypeBuilder<CountedAhead> builder)
    {
        builder.ToTable("CountedAhead");
        builder.HasKey(c => c.Key);
        builder.Property(c => c.Key).HasMaxLength(CountedAhead.KeyMaxLength);
        builder.Property(c => c.Content).HasColumnType("jsonb");
    }
}

/// <summary>The figures counted ahead, by name: one place, so that the job and the pages use the same keys.</summary>
public static class AheadKeys
{
    /// <summary>
    /// «Мониторинг» of the twelve months up to the day (the page's default): the region's (counted ahead by the job) or
    /// one municipality's (kept by the request that counted it, <see cref="MonitoringReports"/>).
    /// </summary>
    public static string Monitoring(int? municipalityId = null) =>
        municipalityId is { } id ? $"{MonitoringPrefix}:{id.ToString(System.Globalization.CultureInfo.InvariantCulture)}" : MonitoringPrefix;

    private const string MonitoringPrefix = "monitoring";

    /// <summary>
    /// How long the figure <paramref name="key"/> is shown after it was counted: a monitoring report (the region's or a
    /// municipality's) <see cref="JobsOptions.MonitoringMaxAge"/>, every other figure <see cref="JobsOptions.ControlCountsMaxAge"/>.
    /// </summary>
    public static TimeSpan MaxAgeOf(string key, JobsOptions jobs)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(jobs);
        return key == MonitoringPrefix || key.StartsWith(MonitoringPrefix + ":", StringComparison.Ordinal)
            ? jobs.MonitoringMaxAge
            : jobs.ControlCountsMaxAge;
    }

    /// <summary>Verified applications on no meeting's list.</summary>
    public const string CommissionWaiting = "commission-waiting";

    /// <summary>The region's two journals' line counts for the calendar year (the page's default).</summary>
    public static string Journals(int year) => $"journals:{year}";

    /// <summary>The applications submitted in the calendar year, by municipality, with the municipalities' names.</summary>
    public static string Applications(int year) => $"applications:{year}";

    /// <summary>The conclusions' lists of every period by municipality (the operator's «Заключения» unfiltered).</summary>
    public const string Conclusions = "conclusions";

    /// <summary>The applications of each period of the school year starting in <paramref name="startYear"/>.</summary>
    public static string Periods(int startYear) => $"periods:{startYear}";
}

/// <summary>A figure with the time it was counted.</summary>
public sealed record Counted<T>(T Value, DateTimeOffset CountedAt);

/// <summary>
/// The figures this process last read, with the row version they were read at (<see cref="CountedAheadStore"/>): a
/// country's monitoring is 680 KB of JSON, which PostgreSQL unpacked and sent and the portal parsed into a new
/// large-object-heap string on every request, though it changes once per job interval. Checked against the row on
/// every read, so an instance never shows a figure another one has replaced; nothing in it has to survive a restart.
/// </summary>
public sealed class CountedAheadMemo
{
    private readonly ConcurrentDictionary<(string Key, Type Type), Remembered> _figures = new();

    /// <summary>A figure as read and the version (<c>xmin</c>) of its row then.</summary>
    internal sealed record Remembered(long Version, object Value);

    internal Remembered? Find<T>(string key) => _figures.GetValueOrDefault((key, typeof(T)));

    internal void Remember<T>(string key, Remembered figure) => _figures[(key, typeof(T))] = figure;
}

/// <summary>
/// Reads and writes the figures of <see cref="CountedAhead"/>. A figure read is shared with the requests after it
/// (<see cref="CountedAheadMemo"/>): callers read it and never change it.
/// </summary>
public sealed class CountedAheadStore(AttestationDbContext db, RegionTime region, IOptions<JobsOptions> jobs, CountedAheadMemo memo)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// The figure when it was counted for today and is younger than two intervals of the job that counts it
    /// (<see cref="AheadKeys.MaxAgeOf"/>); null otherwise (the page
    /// counts itself then). A figure dated in the future (a clock moved back) is not trusted either. One statement,
    /// which sends the content only when the row is not the version this process read last.
    /// </summary>
    public async Task<Counted<T>?> ReadAsync<T>(string key, CancellationToken ct)
    {
        var known = memo.Find<T>(key);
        var knownVersion = known?.Version ?? -1;
        // xmin, the transaction that wrote the row's current version: any change of the row, content alone included,
        // gives it another. The content is unpacked only when the version differs (a CASE's other branch is not read).
        var row = await db.Database.SqlQuery<StoredFigure>($"""
            SELECT "Day", "CountedAt", xmin::text::bigint AS "Version",
                   CASE WHEN xmin::text::bigint = {knownVersion} THEN NULL ELSE "Content"::text END AS "Content"
            FROM "CountedAhead" WHERE "Key" = {key}
            """).FirstOrDefaultAsync(ct);
        var now = region.Now;
        if (row is null || row.Day != region.Today || row.CountedAt > now || now - row.CountedAt > AheadKeys.MaxAgeOf(key, jobs.Value))
            return null;
        if (row.Content is null)
            return known is not null && known.Version == row.Version ? new Counted<T>((T)known.Value, row.CountedAt) : null;
        if (JsonSerializer.Deserialize<T>(row.Content, Json) is not { } value)
            return null;
        memo.Remember<T>(key, new CountedAheadMemo.Remembered(row.Version, value));
        return new Counted<T>(value, row.CountedAt);
    }

    private sealed record StoredFigure(DateOnly Day, DateTimeOffset CountedAt, long Version, string? Content);

    /// <summary>Stores the figure (replacing the last one); saved with the context's next save.</summary>
    public async Task WriteAsync<T>(string key, DateOnly day, T value, DateTimeOffset countedAt, CancellationToken ct)
    {
        var content = JsonSerializer.Serialize(value, Json);
        var row = await db.CountedAhead.FirstOrDefaultAsync(c => c.Key == key, ct);
        if (row is null)
            db.CountedAhead.Add(new CountedAhead { Key = key, Day = day, Content = content, CountedAt = countedAt });
        else
            (row.Day, row.Content, row.CountedAt) = (day, content, countedAt);
    }

    /// <summary>
    /// Stores a figure a request has just counted, at once (a statement of its own), unless one counted later is stored
    /// already: requests that counted the same figure together keep the latest, and none fails on another's row.
    /// </summary>
    public async Task KeepAsync<T>(string key, DateOnly day, T value, DateTimeOffset countedAt, CancellationToken ct)
    {
        var content = JsonSerializer.Serialize(value, Json);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "CountedAhead" ("Key", "Day", "Content", "CountedAt") VALUES ({key}, {day}, {content}::jsonb, {countedAt})
            ON CONFLICT ("Key") DO UPDATE SET "Day" = excluded."Day", "Content" = excluded."Content", "CountedAt" = excluded."CountedAt"
            WHERE "CountedAhead"."CountedAt" <= excluded."CountedAt"
            """, ct);
    }

    /// <summary>
    /// Forgets a figure that a change just made wrong (the operator put applications on a meeting's list): the pages
    /// count for themselves until the job has counted it again. Runs at once, in the caller's transaction if any.
    /// </summary>
    public Task ForgetAsync(string key, CancellationToken ct) =>
        db.CountedAhead.Where(c => c.Key == key).ExecuteDeleteAsync(ct);
}
