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

    public string FullName => string.IsNullOrWhiteSpace(MiddleName)
        ? $"{LastName} {FirstName}"
        : $"{LastName} {FirstName} {MiddleName}";

    /// <summary>«Иванова А. П.»</summary>
    public string ShortName => string.IsNullOrWhiteSpace(MiddleName)
        ? $"{LastName} {Initial(FirstName)}"
        : $"{LastName} {Initial(FirstName)} {Initial(MiddleName)}";

    private static string Initial(string name) => name.Length > 0 ? $"{name[0]}." : "";
}
