using AngleSharp.Html.Dom;
using Attestation.Testing;
using Attestation.Web.Areas.Operator.Pages.Control;
using Attestation.Web.Infrastructure;
using Attestation.Web.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Attestation.Web.Tests.Operator.OperatorDesk;

namespace Attestation.Web.Tests.Operator.Control;

/// <summary>
/// The control table counted ahead by the job (<see cref="ControlCounting"/>): the same numbers as the page's own count,
/// shown while they are fresh, and the page counting itself once they are not.
/// </summary>
public sealed class ControlCountingTests(PortalWithDirectoryFactory factory) : IClassFixture<PortalWithDirectoryFactory>
{
    private static readonly int[] Tampered = [7, 0, 0, 0, 0, 0, 0];

    private readonly OperatorDesk _desk = new(factory);

    [Fact]
    public async Task The_page_shows_the_counted_numbers_while_they_are_fresh_and_counts_itself_when_they_are_not()
    {
        var directory = factory.Directory;
        int tomsk = directory.Tomsk.Id, district = directory.District.Id;
        var now = _desk.Now;
        await _desk.ApplicationAsync("counting.t.waiting", tomsk, directory.Lyceum.Id, now.AddDays(-2));
        await _desk.ApplicationAsync("counting.t.late", tomsk, directory.Lyceum.Id, now.AddDays(-40));
        await _desk.ApplicationAsync("counting.d.noperiod", district, directory.VillageSchool.Id, now.AddDays(-3), register: true);
        using var client = await _desk.SignInOperatorAsync("counting.operator");

        Assert.True(await CountAsync());

        // What the job stored is what the page counts itself, municipality by municipality.
        var live = await LiveCountsAsync();
        await using (var db = factory.OpenDb())
        {
            var stored = await db.ControlCounts.ToListAsync();
            Assert.Equal((await db.Municipalities.CountAsync()), stored.Count);
            foreach (var row in stored)
                Assert.Equal(live.GetValueOrDefault(row.MunicipalityId) ?? new int[IndexModel.Columns.Count], row.Counts);
            Assert.All(stored, row => Assert.Equal(_desk.Today, row.Day));
        }
        var page = await client.GetDocumentAsync("/Operator/Control");
        Assert.Contains($"подсчитано {now.ToRegionDateTime()}", Text(page.QuerySelector("#as-of")!), StringComparison.Ordinal);
        Assert.Equal(2, Count(page, tomsk, ControlList.Waiting));
        Assert.Equal(1, Count(page, tomsk, ControlList.ConsiderationOverdue));
        Assert.Equal(1, Count(page, district, ControlList.WithoutPeriod));

        // The page reads the stored numbers, not the applications, while they are fresh...
        await using (var db = factory.OpenDb())
            await db.ControlCounts.Where(c => c.MunicipalityId == tomsk)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Counts, Tampered));
        page = await client.GetDocumentAsync("/Operator/Control");
        Assert.Equal(7, Count(page, tomsk, ControlList.Waiting));
        Assert.Equal(7, int.Parse(Text(page.QuerySelector("tr#totals [data-list='Waiting']")!), System.Globalization.CultureInfo.InvariantCulture));

        // ...and counts for itself once they are older than two intervals of the job.
        _desk.MoveClockTo(now.AddMinutes(2).AddSeconds(1));
        page = await client.GetDocumentAsync("/Operator/Control");
        Assert.Equal(2, Count(page, tomsk, ControlList.Waiting));
        Assert.DoesNotContain("подсчитано", Text(page.QuerySelector("#as-of")!), StringComparison.Ordinal);

        // Counted again, they are shown again.
        Assert.True(await CountAsync());
        page = await client.GetDocumentAsync("/Operator/Control");
        Assert.Contains("подсчитано", Text(page.QuerySelector("#as-of")!), StringComparison.Ordinal);
        Assert.Equal(2, Count(page, tomsk, ControlList.Waiting));
    }

    [Fact]
    public async Task Only_one_instance_counts_at_a_time()
    {
        await using (var other = factory.OpenDb())
        {
            await using var transaction = await other.Database.BeginTransactionAsync();
            Assert.True(await AdvisoryLock.TryAcquireAsync(other, ControlCounting.LockKey, CancellationToken.None));

            Assert.False(await CountAsync());
        }

        Assert.True(await CountAsync());
    }

    private Task<bool> CountAsync() =>
        factory.WithServicesAsync(services => services.GetRequiredService<ControlCounting>().RunOnceAsync(CancellationToken.None));

    private Task<Dictionary<int, int[]>> LiveCountsAsync() =>
        factory.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<Attestation.Web.Data.AttestationDbContext>();
            var control = await RegionControl.LoadAsync(db, services.GetRequiredService<RegionTime>(), CancellationToken.None);
            return await control.CountByMunicipalityAsync(db, IndexModel.Columns, CancellationToken.None);
        });

    private static int Count(IHtmlDocument page, int municipalityId, ControlList list) =>
        int.Parse(Text(page.QuerySelector($"tr[data-municipality='{municipalityId}'] [data-list='{list}']")!), System.Globalization.CultureInfo.InvariantCulture);
}
