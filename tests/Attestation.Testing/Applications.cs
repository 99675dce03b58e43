using Attestation.Domain.Applications;
using Attestation.Domain.Periods;
using Attestation.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Testing;

/// <summary>
/// The applications of a test's portal: new ones and saved ones taken to a stage (<see cref="ApplicationBuilder"/>),
/// read back, and the periods they are scheduled in.
/// </summary>
public sealed class Applications(PortalFactory factory)
{
    /// <summary>A new application of <paramref name="teacher"/>: <c>Of(teacher).Registered(…).AtAsync(stage)</c>.</summary>
    public ApplicationBuilder Of(AppUser teacher) => new(factory, teacher, null);

    /// <summary>An application already saved (e.g. made through the teacher's pages), taken further from where it stands.</summary>
    public ApplicationBuilder Saved(Guid id) => new(factory, null, id);

    /// <summary>The application with its history and documents, as saved.</summary>
    public async Task<Application> LoadAsync(Guid id)
    {
        await using var db = factory.OpenDb();
        return await db.Applications.AsNoTracking()
            .Include(a => a.Events)
            .Include(a => a.Documents)
            .AsSplitQuery()
            .SingleAsync(a => a.Id == id);
    }

    /// <summary>The period starting in the month of <paramref name="start"/>, made when missing.</summary>
    public async Task<AttestationPeriod> PeriodAsync(DateOnly start)
    {
        await using var db = factory.OpenDb();
        var period = await db.Periods.SingleOrDefaultAsync(p => p.StartYear == start.Year && p.StartMonth == start.Month);
        if (period is null)
        {
            period = new AttestationPeriod(start.Year, start.Month);
            db.Periods.Add(period);
            await db.SaveChangesAsync();
        }
        return period;
    }

    public async Task<int> StoredFileCountAsync()
    {
        await using var db = factory.OpenDb();
        return await db.StoredFiles.CountAsync();
    }
}

public static class PortalFactoryApplications
{
    extension(PortalFactory factory)
    {
        /// <summary>The applications of this portal (see <see cref="Testing.Applications"/>).</summary>
        public Applications Applications => new(factory);
    }
}
