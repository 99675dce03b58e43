using Attestation.Domain.Experts;
using Attestation.Domain.Periods;
using Attestation.Testing;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Data.ReadModel;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Tests.Data;

/// <summary>
/// The size of a year's list of experts by municipality (Data/ReadModel/ApprovedExpertCounts.cs) follows the entries
/// whoever writes them, the list's aggregate or a plain statement, and equals what counting the entries gives.
/// </summary>
public sealed class ApprovedExpertCountTests(PortalWithDirectoryFactory factory) : IClassFixture<PortalWithDirectoryFactory>
{
    private TestDirectory Directory => factory.Directory;

    [Fact]
    public async Task The_counts_follow_the_entries_added_and_removed_through_the_list()
    {
        var experts = await ExpertsAsync("counts.list", 4);
        Guid listId;
        await using (var db = factory.OpenDb())
        {
            var list = new ApprovedExpertList(new SchoolYear(2071), "7-р", new DateOnly(2071, 8, 20));
            foreach (var expert in experts.Take(3))
                list.Add(expert.Id, Directory.Tomsk.Id);
            list.Add(experts[3].Id, Directory.District.Id);
            db.ApprovedExpertLists.Add(list);
            await db.SaveChangesAsync();
            listId = list.Id;
        }
        var added = await CountsAsync(listId);

        await using (var db = factory.OpenDb())
        {
            var list = await db.ApprovedExpertLists.Include(l => l.Entries).SingleAsync(l => l.Id == listId);
            list.Remove(experts[0].Id, Directory.Tomsk.Id);
            list.Remove(experts[3].Id, Directory.District.Id);
            await db.SaveChangesAsync();
        }
        var removed = await CountsAsync(listId);

        Assert.Equal(new Dictionary<int, int> { [Directory.Tomsk.Id] = 3, [Directory.District.Id] = 1 }, added);
        // A municipality left with none has no row.
        Assert.Equal(new Dictionary<int, int> { [Directory.Tomsk.Id] = 2 }, removed);
        Assert.Equal(await CountedFromEntriesAsync(listId), removed);
    }

    [Fact]
    public async Task The_counts_follow_plain_statements_that_add_move_and_delete_many_entries_at_once()
    {
        var experts = await ExpertsAsync("counts.sql", 5);
        Guid listId;
        await using (var db = factory.OpenDb())
        {
            var list = new ApprovedExpertList(new SchoolYear(2072));
            db.ApprovedExpertLists.Add(list);
            await db.SaveChangesAsync();
            listId = list.Id;
        }
        var (tomsk, district) = (Directory.Tomsk.Id, Directory.District.Id);
        var ids = experts.Select(e => e.Id).ToArray();

        await SqlAsync($"""
            INSERT INTO "ApprovedExperts" ("Id", "ListId", "ExpertId", "MunicipalityId")
            SELECT gen_random_uuid(), {listId}, e, {tomsk} FROM unnest({ids}) AS e
            """);
        var inserted = await CountsAsync(listId);
        await SqlAsync($"""UPDATE "ApprovedExperts" SET "MunicipalityId" = {district} WHERE "ListId" = {listId} AND "ExpertId" = ANY({ids[..2]})""");
        var moved = await CountsAsync(listId);
        await SqlAsync($"""DELETE FROM "ApprovedExperts" WHERE "ListId" = {listId} AND "MunicipalityId" = {tomsk}""");
        var deleted = await CountsAsync(listId);

        Assert.Equal(new Dictionary<int, int> { [tomsk] = 5 }, inserted);
        Assert.Equal(new Dictionary<int, int> { [tomsk] = 3, [district] = 2 }, moved);
        Assert.Equal(new Dictionary<int, int> { [district] = 2 }, deleted);
        Assert.Equal(await CountedFromEntriesAsync(listId), deleted);
    }

    private async Task<List<AppUser>> ExpertsAsync(string prefix, int count)
    {
        var experts = new List<AppUser>();
        for (var i = 0; i < count; i++)
            experts.Add(await factory.CreateUserAsync(Roles.Expert, $"{prefix}.{i}"));
        return experts;
    }

    private async Task SqlAsync(FormattableString sql)
    {
        await using var db = factory.OpenDb();
        await db.Database.ExecuteSqlAsync(sql);
    }

    private async Task<Dictionary<int, int>> CountsAsync(Guid listId)
    {
        await using var db = factory.OpenDb();
        return await db.ApprovedExpertCounts.Where(c => c.ListId == listId).ToDictionaryAsync(c => c.MunicipalityId, c => c.Count);
    }

    private async Task<Dictionary<int, int>> CountedFromEntriesAsync(Guid listId)
    {
        await using var db = factory.OpenDb();
        return await db.ApprovedExperts.Where(e => e.ListId == listId).GroupBy(e => e.MunicipalityId)
            .ToDictionaryAsync(g => g.Key, g => g.Count());
    }
}
