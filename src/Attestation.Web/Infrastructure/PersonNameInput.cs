using System.ComponentModel.DataAnnotations;

namespace Attestation.Web.Infrastructure;

/// <summary>
/// Фамилия, имя, отчество as every form asks them (registration, invitation, profiles, the application): Russian
/// letters, at most <see cref="Domain.PersonName.PartMaxLength"/> characters each, the patronymic optional.
/// </summary>
public abstract class PersonNameInput
{
    [Required(ErrorMessage = "Укажите фамилию.")]
    [RegularExpression(PersonFields.RussianPattern, ErrorMessage = PersonFields.RussianMessage)]
    [StringLength(Domain.PersonName.PartMaxLength, ErrorMessage = "Не более {1} символов.")]
    [Display(Name = "Фамилия")]
    public string LastName { get; set; } = "";

    [Required(ErrorMessage = "Укажите имя.")]
    [RegularExpression(PersonFields.RussianPattern, ErrorMessage = PersonFields.RussianMessage)]
    [StringLength(Domain.PersonName.PartMaxLength, ErrorMessage = "Не более {1} символов.")]
    [Display(Name = "Имя")]
    public string FirstName { get; set; } = "";

    [RegularExpression(PersonFields.RussianPattern, ErrorMessage = PersonFields.RussianMessage)]
    [StringLength(Domain.PersonName.PartMaxLength, ErrorMessage = "Не более {1} символов.")]
    [Display(Name = "Отчество (при наличии)")]
    public string? MiddleName { get; set; }
}
