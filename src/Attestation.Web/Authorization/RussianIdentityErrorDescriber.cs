using Microsoft.AspNetCore.Identity;

namespace Attestation.Web.Authorization;

/// <summary>Identity's messages in Russian: they are shown next to the fields of the account forms.</summary>
public sealed class RussianIdentityErrorDescriber : IdentityErrorDescriber
{
    public override IdentityError DefaultError() =>
        Error(nameof(DefaultError), "Произошла ошибка. Попробуйте ещё раз.");
    public override IdentityError ConcurrencyFailure() =>
        Error(nameof(ConcurrencyFailure), "Данные изменены другим пользователем. Обновите страницу.");
    public override IdentityError PasswordMismatch() =>
        Error(nameof(PasswordMismatch), "Неверный пароль.");
    public override IdentityError InvalidToken() =>
        Error(nameof(InvalidToken), "Ссылка недействительна или устарела. Запросите сброс пароля ещё раз.");
    public override IdentityError LoginAlreadyAssociated() =>
        Error(nameof(LoginAlreadyAssociated), "Эта учётная запись уже привязана.");
    public override IdentityError InvalidUserName(string? userName) =>
        Error(nameof(InvalidUserName), "Логин может содержать только латинские буквы, цифры и символы . - _ @ +");
    public override IdentityError InvalidEmail(string? email) =>
        Error(nameof(InvalidEmail), $"Адрес электронной почты «{email}» указан неверно.");
    public override IdentityError DuplicateUserName(string userName) =>
        Error(nameof(DuplicateUserName), $"Логин «{userName}» уже занят.");
    public override IdentityError DuplicateEmail(string email) =>
        Error(nameof(DuplicateEmail), $"Адрес «{email}» уже зарегистрирован в системе.");
    public override IdentityError InvalidRoleName(string? role) =>
        Error(nameof(InvalidRoleName), $"Недопустимое название роли «{role}».");
    public override IdentityError DuplicateRoleName(string role) =>
        Error(nameof(DuplicateRoleName), $"Роль «{role}» уже существует.");
    public override IdentityError UserAlreadyHasPassword() =>
        Error(nameof(UserAlreadyHasPassword), "Пароль уже задан.");
    public override IdentityError UserLockoutNotEnabled() =>
        Error(nameof(UserLockoutNotEnabled), "Блокировка для этой учётной записи не включена.");
    public override IdentityError UserAlreadyInRole(string role) =>
        Error(nameof(UserAlreadyInRole), "Пользователю уже назначена эта роль.");
    public override IdentityError UserNotInRole(string role) =>
        Error(nameof(UserNotInRole), "Пользователю не назначена эта роль.");
    public override IdentityError PasswordTooShort(int length) =>
        Error(nameof(PasswordTooShort), $"Пароль должен содержать не менее {length} символов.");
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        Error(nameof(PasswordRequiresUniqueChars), $"Пароль должен содержать не менее {uniqueChars} различных символов.");
    public override IdentityError PasswordRequiresNonAlphanumeric() =>
        Error(nameof(PasswordRequiresNonAlphanumeric), "Пароль должен содержать хотя бы один специальный символ.");
    public override IdentityError PasswordRequiresDigit() =>
        Error(nameof(PasswordRequiresDigit), "Пароль должен содержать хотя бы одну цифру.");
    public override IdentityError PasswordRequiresLower() =>
        Error(nameof(PasswordRequiresLower), "Пароль должен содержать хотя бы одну строчную букву.");
    public override IdentityError PasswordRequiresUpper() =>
        Error(nameof(PasswordRequiresUpper), "Пароль должен содержать хотя бы одну заглавную букву.");
    public override IdentityError RecoveryCodeRedemptionFailed() =>
        Error(nameof(RecoveryCodeRedemptionFailed), "Код восстановления не подошёл.");

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}
