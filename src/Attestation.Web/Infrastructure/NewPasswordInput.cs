using System.ComponentModel.DataAnnotations;
using Attestation.Web.Authorization;

namespace Attestation.Web.Infrastructure;

/// <summary>
/// A new password typed twice, with the portal's rule on its length: the reset by a letter's link and the change in
/// one's own cabinet. Identity checks the same rule again when the password is set.
/// </summary>
public abstract class NewPasswordInput
{
    [Required(ErrorMessage = "Введите новый пароль.")]
    [StringLength(128, MinimumLength = IdentitySetup.MinPasswordLength,
        ErrorMessage = "Пароль должен содержать не менее {2} символов.")]
    [DataType(DataType.Password)]
    [Display(Name = "Новый пароль")]
    public string Password { get; set; } = "";

    [DataType(DataType.Password)]
    [Display(Name = "Повторите пароль")]
    [Compare(nameof(Password), ErrorMessage = "Пароли не совпадают.")]
    public string ConfirmPassword { get; set; } = "";

    /// <summary>Identity's refusals of the password next to its field, the others above the form.</summary>
    public static void Report(IEnumerable<Microsoft.AspNetCore.Identity.IdentityError> errors,
        Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary modelState, string prefix)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(modelState);
        foreach (var error in errors)
        {
            var field = error.Code switch
            {
                "PasswordMismatch" => $"{prefix}.CurrentPassword",
                _ when error.Code.StartsWith("Password", StringComparison.Ordinal) => $"{prefix}.{nameof(Password)}",
                _ => string.Empty,
            };
            modelState.AddModelError(field, error.Description);
        }
    }
}
