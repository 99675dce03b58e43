using Attestation.Testing;
using Attestation.Web.Authorization;
using Attestation.Web.Data;

namespace Attestation.Web.Tests.Support;

/// <summary>The people the tests start from, as real Identity users in their roles, one definition for each.</summary>
public static class People
{
    public const string CoordinatorWorkPhone = "+7 (3822) 46-03-17";

    /// <summary>
    /// «Лебедева Олеся Игоревна» with her work phone: the municipal tests' coordinator of <paramref name="municipalityId"/>.
    /// </summary>
    public static Task<AppUser> MunicipalCoordinatorAsync(this PortalFactory factory, string login, int municipalityId,
        string lastName = "Лебедева", string? workPhone = CoordinatorWorkPhone) =>
        factory.CreateUserAsync(Roles.MunicipalCoordinator, login, user =>
        {
            user.LastName = lastName;
            user.FirstName = "Олеся";
            user.MiddleName = "Игоревна";
            user.MunicipalityId = municipalityId;
            user.WorkPhone = workPhone;
        });

    /// <summary>«Координаторова Галина Петровна», the coordinator of the city of Tomsk unless told otherwise.</summary>
    public static Task<AppUser> CoordinatorAsync(this PortalWithDirectoryFactory factory, string login,
        int? municipalityId = null, string? workPhone = null) =>
        factory.CreateUserAsync(Roles.MunicipalCoordinator, login, user =>
        {
            user.LastName = "Координаторова";
            user.FirstName = "Галина";
            user.MiddleName = "Петровна";
            user.MunicipalityId = municipalityId ?? factory.Directory.Tomsk.Id;
            user.WorkPhone = workPhone;
        });

    /// <summary>
    /// An expert «<paramref name="lastName"/> Ирина Олеговна», a teacher of the Tomsk gymnasium, of the city of Tomsk unless
    /// told otherwise.
    /// </summary>
    public static Task<AppUser> ExpertAsync(this PortalWithDirectoryFactory factory, string login, string lastName,
        int? municipalityId = null) =>
        factory.CreateUserAsync(Roles.Expert, login, user =>
        {
            user.LastName = lastName;
            user.FirstName = "Ирина";
            user.MiddleName = "Олеговна";
            user.MunicipalityId = municipalityId ?? factory.Directory.Tomsk.Id;
            user.OrganisationId = factory.Directory.Gymnasium.Id;
            user.PositionId = factory.Directory.SchoolTeacher.Id;
        });
}
