using Attestation.Domain;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Notifications.Reminders;

/// <summary>The pieces every reminder's letter is made of.</summary>
internal static class ReminderText
{
    /// <summary>A letter lists at most this many items; the rest are counted («… и ещё 12») and are on the linked page.</summary>
    public const int MaxListed = 50;

    public static string Greeting(Recipient to) => $"Здравствуйте, {to.FullName}!";

    /// <summary>One line per item, «— » first; past <see cref="MaxListed"/> a count of the rest.</summary>
    public static string List(IEnumerable<string> lines)
    {
        var all = lines.ToList();
        var shown = all.Take(MaxListed).Select(line => $"— {line}");
        return string.Join("\n", all.Count > MaxListed ? shown.Append($"… и ещё {all.Count - MaxListed}") : shown);
    }

    public static string FullName(string lastName, string firstName, string? middleName) =>
        PersonName.Join(lastName, firstName, middleName);

    /// <summary>The municipal coordinators of each of <paramref name="municipalityIds"/>.</summary>
    public static async Task<ILookup<int, Recipient>> CoordinatorsOfAsync(this AttestationDbContext db,
        IReadOnlyCollection<int> municipalityIds, CancellationToken ct)
    {
        var users = await db.UsersInRole(Roles.MunicipalCoordinator).AsNoTracking()
            .Where(u => u.MunicipalityId != null && municipalityIds.Contains(u.MunicipalityId.Value))
            .ToListAsync(ct);
        return users.ToLookup(u => u.MunicipalityId!.Value, u => new Recipient(u.Id, u.Email, u.FullName));
    }
}
