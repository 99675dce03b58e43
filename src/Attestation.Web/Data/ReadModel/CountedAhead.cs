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
/// applications waiting for the commission, the year's journals, the periods of the school year). One row a figure,
/// its content JSON; read through <see cref="CountedAheadStore"/>, which answers only while the figure is fresh.
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
    /// <summary>The region's «Мониторинг» of the twelve months up to the day (the page's default).</summary>
    public const string Monitoring = "monitoring";

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

/// <summary>Reads and writes the figures of <see cref="CountedAhead"/>.</summary>
public sealed class CountedAheadStore(AttestationDbContext db, RegionTime region, IOptions<JobsOptions> jobs)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// The figure when it was counted for today and is younger than two intervals of the job; null otherwise (the page
    /// counts itself then). A figure dated in the future (a clock moved back) is not trusted either.
    /// </summary>
    public async Task<Counted<T>?> ReadAsync<T>(string key, CancellationToken ct)
    {
        var row = await db.CountedAhead.AsNoTracking().Where(c => c.Key == key)
            .Select(c => new { c.Day, c.Content, c.CountedAt })
            .FirstOrDefaultAsync(ct);
        var now = region.Now;
        if (row is null || row.Day != region.Today || row.CountedAt > now || now - row.CountedAt > jobs.Value.ControlCountsMaxAge)
            return null;
        return JsonSerializer.Deserialize<T>(row.Content, Json) is { } value ? new Counted<T>(value, row.CountedAt) : null;
    }

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
    /// Forgets a figure that a change just made wrong (the operator put applications on a meeting's list): the pages
    /// count for themselves until the job has counted it again. Runs at once, in the caller's transaction if any.
    /// </summary>
    public Task ForgetAsync(string key, CancellationToken ct) =>
        db.CountedAhead.Where(c => c.Key == key).ExecuteDeleteAsync(ct);
}
