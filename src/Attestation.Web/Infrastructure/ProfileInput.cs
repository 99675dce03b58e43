using System.ComponentModel.DataAnnotations;

namespace Attestation.Web.Infrastructure;

/// <summary>What a person states about himself and his work: the same fields at registration and in the profile.</summary>
public class ProfileInput : PersonNameInput
{
    [Required(ErrorMessage = "Укажите адрес электронной почты.")]
    [EmailAddress(ErrorMessage = "Адрес электронной почты указан неверно.")]
    [StringLength(PersonFields.EmailMaxLength, ErrorMessage = "Не более {1} символов.")]
    [Display(Name = "Электронная почта")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Укажите телефон.")]
    [RegularExpression(PersonFields.PhonePattern, ErrorMessage = PersonFields.PhoneMessage)]
    [Display(Name = "Телефон")]
    public string Phone { get; set; } = "";

    [Required(ErrorMessage = "Выберите муниципальное образование.")]
    [Display(Name = "Муниципальное образование")]
    public int? MunicipalityId { get; set; }

    [Required(ErrorMessage = "Выберите образовательную организацию.")]
    [Display(Name = "Образовательная организация (место работы)")]
    public int? OrganisationId { get; set; }

    [Required(ErrorMessage = "Выберите должность.")]
    [Display(Name = "Должность")]
    public int? PositionId { get; set; }

    [Display(Name = "Предмет (направление)")]
    public int? SubjectId { get; set; }

    public static ProfileInput From(Data.AppUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new ProfileInput
        {
            LastName = user.LastName,
            FirstName = user.FirstName,
            MiddleName = user.MiddleName,
            Email = user.Email ?? "",
            Phone = user.PhoneNumber ?? "",
            MunicipalityId = user.MunicipalityId,
            OrganisationId = user.OrganisationId,
            PositionId = user.PositionId,
            SubjectId = user.SubjectId,
            Version = user.ConcurrencyStamp,
        };
    }
}
