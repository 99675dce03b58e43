using Attestation.Domain;
using Attestation.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Data.ReadModel;

/// <summary>A person as lists and documents print him: the name, the work, the contacts.</summary>
public sealed class PersonRow
{
    public Guid Id { get; init; }

    public string LastName { get; init; } = "";

    public string FirstName { get; init; } = "";

    public string? MiddleName { get; init; }

    public string? Login { get; init; }

    public int? MunicipalityId { get; init; }

    public string? Municipality { get; init; }

    public int? OrganisationId { get; init; }

    public string? Organisation { get; init; }

    public string? Position { get; init; }

    public string? Subject { get; init; }

    public string? Email { get; init; }

    public string? Phone { get; init; }

    public string? WorkPhone { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>«Иванова Ольга Петровна».</summary>
    public string FullName => PersonName.Join(LastName, FirstName, MiddleName);

    /// <summary>«Иванова О. П.».</summary>
    public string ShortName => new PersonName(LastName, FirstName, MiddleName).ShortName;

    /// <summary>«учитель математики».</summary>
    public string PositionWithSubject => WorkText.PositionWithSubject(Position, Subject);

    /// <summary>«Фёдоров Алексей Николаевич, учитель математики, МАОУ гимназия № 6».</summary>
    public string WithWork => WorkText.PersonWithWork(FullName, Position, Subject, Organisation);
}

/// <summary>The one projection of users into <see cref="PersonRow"/>.</summary>
public static class PersonRows
{
    /// <summary>
    /// The people of already scoped and filtered users. The names of the municipality, organisation, position and subject
    /// are looked up by key (scalar subqueries, as in <see cref="ApplicationRows.ToRows"/>), not joined: a list of
    /// applications with its two experts was a statement of fifteen tables, planned anew on every request.
    /// </summary>
    public static IQueryable<PersonRow> ToPeople(this IQueryable<AppUser> users, AttestationDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (DirectoryNameSnapshot.Ambient is { } names)
        {
            // The names from the directories read once per version (DirectoryNameSnapshot), the ids from the statement.
            return
                from u in users
                select new PersonRow
                {
                    Id = u.Id,
                    LastName = u.LastName,
                    FirstName = u.FirstName,
                    MiddleName = u.MiddleName,
                    Login = u.UserName,
                    MunicipalityId = u.MunicipalityId,
                    Municipality = names.Municipality(u.MunicipalityId),
                    OrganisationId = u.OrganisationId,
                    Organisation = names.Organisation(u.OrganisationId),
                    Position = names.Position(u.PositionId),
                    Subject = names.Subject(u.SubjectId),
                    Email = u.Email,
                    Phone = u.PhoneNumber,
                    WorkPhone = u.WorkPhone,
                    CreatedAt = u.CreatedAt,
                };
        }
        return
            from u in users
            select new PersonRow
            {
                Id = u.Id,
                LastName = u.LastName,
                FirstName = u.FirstName,
                MiddleName = u.MiddleName,
                Login = u.UserName,
                MunicipalityId = u.MunicipalityId,
                Municipality = db.Municipalities.Where(m => m.Id == u.MunicipalityId).Max(m => m.Name),
                OrganisationId = u.OrganisationId,
                Organisation = db.Organisations.Where(o => o.Id == u.OrganisationId).Max(o => o.Name),
                Position = db.Positions.Where(p => p.Id == u.PositionId).Max(p => p.Name),
                Subject = db.Subjects.Where(s => s.Id == u.SubjectId).Max(s => s.Name),
                Email = u.Email,
                Phone = u.PhoneNumber,
                WorkPhone = u.WorkPhone,
                CreatedAt = u.CreatedAt,
            };
    }

    /// <summary>
    /// The people whose full name («Фамилия Имя Отчество») contains <paramref name="text"/>, whatever the case, «ё» read
    /// as «е»; everyone for blank text. Meant for lists already scoped to an organisation or a municipality.
    /// </summary>
    public static IQueryable<AppUser> WhoseNameContains(this IQueryable<AppUser> users, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return users;
        var pattern = LikePattern.ContainsFolded(text);
        return users.Where(u => EF.Functions.ILike(
            (u.LastName + " " + u.FirstName + " " + (u.MiddleName ?? "")).Replace("ё", "е").Replace("Ё", "Е"), pattern, "\\"));
    }

    /// <summary>The people with these ids, by id (one query; none for no ids).</summary>
    public static async Task<Dictionary<Guid, PersonRow>> PeopleAsync(this AttestationDbContext db, IEnumerable<Guid?> ids,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var wanted = ids.OfType<Guid>().Distinct().ToList();
        return wanted.Count == 0
            ? []
            : await db.Users.AsNoTracking().Where(u => wanted.Contains(u.Id)).ToPeople(db).ToDictionaryAsync(p => p.Id, ct);
    }

    /// <summary>The people with these ids, by id.</summary>
    public static Task<Dictionary<Guid, PersonRow>> PeopleAsync(this AttestationDbContext db, IEnumerable<Guid> ids,
        CancellationToken ct) =>
        db.PeopleAsync(ids.Select(id => (Guid?)id), ct);
}
