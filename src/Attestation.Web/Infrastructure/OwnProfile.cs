using Attestation.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Attestation.Web.Infrastructure;

/// <summary>A person's own name and contacts as his profile form gives them (already validated by the form).</summary>
public sealed record OwnContacts(string Email, string? Phone, string? WorkPhone);

/// <summary>
/// The save of one's own profile (the staff's cabinets): the name and the contacts normalised, the e-mail through
/// Identity (its uniqueness), the version the form was read at checked, the navigation's name refreshed. The
/// municipality, the organisation and the role are never taken from the form: only the operator moves a person.
/// </summary>
public sealed class OwnProfile(AttestationDbContext db, UserManager<AppUser> users, SignInManager<AppUser> signIn)
{
    public const string SavedMessage = "Личные сведения сохранены.";

    /// <summary>True when saved; otherwise the refusals are in <paramref name="modelState"/> and the form keeps what
    /// was typed (at the current version after a conflict).</summary>
    public async Task<bool> SaveAsync(AppUser user, PersonNameInput name, OwnContacts contacts,
        ModelStateDictionary modelState, string prefix, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(contacts);
        ArgumentNullException.ThrowIfNull(modelState);
        // Saved meanwhile in another tab: nothing is overwritten, nothing typed is lost.
        if (AccountVersions.IsStale(user, name, modelState, prefix))
            return false;

        user.LastName = PersonFields.Normalize(name.LastName);
        user.FirstName = PersonFields.Normalize(name.FirstName);
        user.MiddleName = string.IsNullOrWhiteSpace(name.MiddleName) ? null : PersonFields.Normalize(name.MiddleName);
        user.WorkPhone = string.IsNullOrWhiteSpace(contacts.WorkPhone) ? null : PersonFields.NormalizePhone(contacts.WorkPhone);
        user.PhoneNumber = string.IsNullOrWhiteSpace(contacts.Phone) ? null : PersonFields.NormalizePhone(contacts.Phone);
        var result = await users.SetEmailAsync(user, contacts.Email.Trim());
        if (result.Succeeded)
            result = await users.UpdateAsync(user);
        if (!result.Succeeded)
        {
            var conflict = await AccountVersions.ReportConflictAsync(db, user, result.Errors, modelState, name, prefix, ct);
            foreach (var error in conflict ? [] : result.Errors)
                modelState.AddModelError(error.Code.Contains("Email", StringComparison.Ordinal) ? $"{prefix}.Email" : string.Empty,
                    error.Description);
            return false;
        }

        // The short name in the navigation bar comes from the cookie.
        await signIn.RefreshSignInAsync(user);
        return true;
    }
}
