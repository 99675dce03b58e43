using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;

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

    /// <summary>
    /// The account's concurrency stamp the profile form was read at (null in forms that create an account): a save from
    /// an older form (another tab) is refused, see <see cref="AccountVersions"/>.
    /// </summary>
    public string? Version { get; set; }
}

/// <summary>The version check of a profile form, on ASP.NET Core Identity's concurrency stamp.</summary>
public static class AccountVersions
{
    public const string EditedMeanwhile =
        "Профиль изменили, пока вы его редактировали (например, в другой вкладке). Ваши данные остались в форме: проверьте их и сохраните ещё раз.";

    /// <summary>
    /// The version check of a profile form: when the account was saved after <paramref name="seen"/> (the stamp the
    /// form carries; the user was just read, so his stamp is the stored one), the refusal goes above the form, the form
    /// takes the current stamp (so that the next save is a conscious one) and true is returned. Within the request,
    /// Identity's own stamp check guards the save.
    /// </summary>
    public static bool IsStale(Data.AppUser user, PersonNameInput input, ModelStateDictionary modelState, string prefix)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(modelState);
        if (input.Version is not { } seen || seen == user.ConcurrencyStamp)
            return false;
        Refuse(user, input, modelState, prefix);
        return true;
    }

    /// <summary>
    /// After Identity refused the save as a concurrency failure: the refusal above the form, the form at the current
    /// version (so that saving it again is a conscious choice); true when that was the failure.
    /// </summary>
    public static async Task<bool> ReportConflictAsync(Data.AttestationDbContext db, Data.AppUser user,
        IEnumerable<Microsoft.AspNetCore.Identity.IdentityError> errors, ModelStateDictionary modelState,
        PersonNameInput input, string prefix, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(input);
        if (!errors.Any(e => e.Code == nameof(Microsoft.AspNetCore.Identity.IdentityErrorDescriber.ConcurrencyFailure)))
            return false;
        await db.Entry(user).ReloadAsync(ct);
        Refuse(user, input, modelState, prefix);
        return true;
    }

    private static void Refuse(Data.AppUser user, PersonNameInput input, ModelStateDictionary modelState, string prefix)
    {
        modelState.AddModelError(string.Empty, EditedMeanwhile);
        modelState.Remove($"{prefix}.{nameof(PersonNameInput.Version)}");
        input.Version = user.ConcurrencyStamp;
    }
}
