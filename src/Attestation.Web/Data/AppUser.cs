using Attestation.Domain.Names;
using Microsoft.AspNetCore.Identity;

namespace Attestation.Web.Data;

/// <summary>
/// A person with an account. Teachers, coordinators and experts share one table; the role says which, and the
/// directory references say where the person works (what a coordinator may see is scoped by them).
/// </summary>
public sealed class AppUser : IdentityUser<Guid>
{
    public string LastName { get; set; } = "";
    public string FirstName { get; set; } = "";
    public string? MiddleName { get; set; }

    public int? MunicipalityId { get; set; }
    public int? OrganisationId { get; set; }
    public int? PositionId { get; set; }
    public int? SubjectId { get; set; }

    /// <summary>Printed on the public schedule for municipal coordinators.</summary>
    public string? WorkPhone { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The last successful sign-in (set by the sign-in page), for «Пользователи».</summary>
    public DateTimeOffset? LastSignInAt { get; set; }

    /// <summary>
    /// Whether the person has ever submitted an application: kept by PostgreSQL from the applications
    /// (<see cref="ReadModel.SubmittedTeachers"/>), never written by the portal.
    /// </summary>
    public bool HasSubmittedApplication { get; private set; }

    /// <summary>
    /// The person's role, as Identity's table of roles holds it: kept by PostgreSQL (<see cref="ReadModel.AccountRoles"/>),
    /// never written by the portal; for the lists of one role's people.
    /// </summary>
    public Guid? RoleId { get; private set; }

    /// <summary>
    /// The person's own spelling of his name in the genitive («от Шевчук Анны Петровны»), where the rules decline it
    /// wrongly; null while the rules are right. Set with <see cref="CorrectGenitive"/>.
    /// </summary>
    public string? GenitiveFullName { get; private set; }

    /// <summary>
    /// The full name <see cref="GenitiveFullName"/> was written for. A correction of an earlier name is never printed:
    /// an application keeps the name it was filled in with, so one written before a change of name may still need it,
    /// and one written after must not get it.
    /// </summary>
    public string? GenitiveFullNameFor { get; private set; }

    public GenitiveCorrection? GenitiveCorrection => Domain.Names.GenitiveCorrection.From(GenitiveFullNameFor, GenitiveFullName);

    /// <summary>Keeps the correction for the current name; one that the rules already give, or none, clears it.</summary>
    public void CorrectGenitive(GenitiveCorrection? correction)
    {
        var name = new Domain.PersonName(LastName, FirstName, MiddleName);
        if (correction is null || correction.FullNameGenitive == name.FullNameGenitive)
        {
            GenitiveFullName = null;
            GenitiveFullNameFor = null;
            return;
        }
        if (!correction.AppliesTo(name))
            throw new InvalidOperationException("A correction is kept only for the name it was written for.");
        GenitiveFullName = correction.FullNameGenitive;
        GenitiveFullNameFor = correction.ForFullName;
    }

    public string FullName => string.IsNullOrWhiteSpace(MiddleName)
        ? $"{LastName} {FirstName}"
        : $"{LastName} {FirstName} {MiddleName}";

    /// <summary>«Иванова А. П.»</summary>
    public string ShortName => string.IsNullOrWhiteSpace(MiddleName)
        ? $"{LastName} {Initial(FirstName)}"
        : $"{LastName} {Initial(FirstName)} {Initial(MiddleName)}";

    private static string Initial(string name) => name.Length > 0 ? $"{name[0]}." : "";
}
