using Attestation.Web.Data;
using Attestation.Web.Infrastructure;
using Attestation.Web.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Attestation.Web.Areas.Operator.Pages.Control;

/// <summary>
/// One municipality's numbers of the control table as they were last counted by <see cref="ControlCounting"/>: the
/// control table of a country (hundreds of municipalities, a hundred thousand applications in progress) counts every
/// application in progress, a quarter of a second a request; read from here it is one row a municipality.
/// </summary>
public sealed class ControlCounts
{
    public int MunicipalityId { get; set; }

    /// <summary>The counts by <see cref="ControlList"/> (the list's number is the index).</summary>
    public int[] Counts { get; set; } = [];

    /// <summary>The region's date the lists were counted for: what «overdue» and «due this month» mean depends on it.</summary>
    public DateOnly Day { get; set; }

    /// <summary>The period the schedule lists were counted for (the nearest open one then).</summary>
    public Guid? NearestPeriodId { get; set; }

    public DateTimeOffset CountedAt { get; set; }

    /// <summary>
    /// Whether these numbers still answer <paramref name="control"/> at <paramref name="now"/>: counted on its day for
    /// its nearest period, not older than <paramref name="maxAge"/> (nor from the future), a count for every list.
    /// </summary>
    public bool Answer(RegionControl control, DateTimeOffset now, TimeSpan maxAge)
    {
        ArgumentNullException.ThrowIfNull(control);
        return Day == control.Today && NearestPeriodId == control.NearestPeriod?.Id && now - CountedAt <= maxAge
            && CountedAt <= now && Counts.Length == IndexModel.Columns.Count;
    }
}

public sealed class ControlCountsConfiguration : IEntityTypeConfiguration<ControlCounts>
{
    public void Configure(EntityTypeBuilder<ControlCounts> builder)
    {
        builder.HasKey(c => c.MunicipalityId);
        builder.Property(c => c.MunicipalityId).ValueGeneratedNever();
        builder.HasOne<Attestation.Domain.Directory.Municipality>().WithOne().HasForeignKey<ControlCounts>(c => c.MunicipalityId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>
/// Counts the control table of the whole region into <see cref="ControlCounts"/>, by the same conditions the page and the
/// lists behind its numbers use (<see cref="RegionControl"/>). Run by <see cref="ControlCountingJob"/> every
/// <see cref="JobsOptions.ControlCountingInterval"/>; safe with several portal instances: one counts at a time (an
/// advisory lock), and the others' runs do nothing.
/// </summary>
public sealed partial class ControlCounting(AttestationDbContext db, RegionTime region, ILogger<ControlCounting> logger)
{
    /// <summary>"CONTROL" in ASCII: no other lock of the portal uses it.</summary>
    public const long LockKey = 0x0043_4F4E_5452_4F4C;

    /// <summary>Counts and replaces the numbers of every municipality; false when another instance is counting.</summary>
    public async Task<bool> RunOnceAsync(CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (!await AdvisoryLock.TryAcquireAsync(db, LockKey, ct))
        {
            LogSkipped(logger);
            return false;
        }

        var control = await RegionControl.LoadAsync(db, region, ct);
        var counts = await control.CountByMunicipalityAsync(db, IndexModel.Columns, ct);
        var municipalities = await db.Municipalities.Select(m => m.Id).ToListAsync(ct);
        var countedAt = region.Now;
        await db.ControlCounts.ExecuteDeleteAsync(ct);
        db.ControlCounts.AddRange(municipalities.Select(id => new ControlCounts
        {
            MunicipalityId = id,
            Counts = counts.GetValueOrDefault(id) ?? new int[IndexModel.Columns.Count],
            Day = control.Today,
            NearestPeriodId = control.NearestPeriod?.Id,
            CountedAt = countedAt,
        }));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return true;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Control counting skipped: another instance holds the lock")]
    private static partial void LogSkipped(ILogger logger);
}
