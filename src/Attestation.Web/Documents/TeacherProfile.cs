using Attestation.Domain.Names;
using Attestation.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Documents;

/// <summary>
/// What the documents take from the teacher's account rather than from the application: how to reach him, and his own
/// spelling of his name in the genitive where the rules get it wrong.
/// </summary>
public sealed record TeacherProfile(string? Phone, string? Email, GenitiveCorrection? Genitive)
{
    /// <summary>A teacher whose account is gone: the documents print blanks and the rules' genitive.</summary>
    public static TeacherProfile None { get; } = new(null, null, null);
}

public static class TeacherProfileQueries
{
    public static async Task<Dictionary<Guid, TeacherProfile>> TeacherProfilesAsync(
        this AttestationDbContext db, IReadOnlyCollection<Guid> teacherIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (teacherIds.Count == 0)
            return [];
        var rows = await db.Users.AsNoTracking()
            .Where(u => teacherIds.Contains(u.Id))
            .Select(u => new { u.Id, u.PhoneNumber, u.Email, u.GenitiveFullName, u.GenitiveFullNameFor })
            .ToListAsync(ct);
        return rows.ToDictionary(r => r.Id,
            r => new TeacherProfile(r.PhoneNumber, r.Email, GenitiveCorrection.From(r.GenitiveFullNameFor, r.GenitiveFullName)));
    }

    public static async Task<TeacherProfile> TeacherProfileAsync(this AttestationDbContext db, Guid teacherId, CancellationToken ct) =>
        (await db.TeacherProfilesAsync([teacherId], ct)).GetValueOrDefault(teacherId) ?? TeacherProfile.None;
}
