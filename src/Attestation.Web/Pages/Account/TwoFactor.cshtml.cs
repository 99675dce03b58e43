using System.ComponentModel.DataAnnotations;
using System.Text;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using QRCoder;

namespace Attestation.Web.Pages.Account;

/// <summary>
/// «Двухфакторная защита» for the staff (Identity's authenticator: TOTP, RFC 6238): enable it with a QR code or the
/// key typed by hand and a first code; ten recovery codes shown once; new codes; disable it (not the operator while
/// the portal requires it of him, <see cref="AccountOptions.RequireOperatorTwoFactor"/>).
/// </summary>
[Authorize(Roles = $"{Roles.SchoolCoordinator},{Roles.MunicipalCoordinator},{Roles.Expert},{Roles.Operator}")]
public sealed class TwoFactorModel(PortalUserManager users, SignInManager<AppUser> signIn, IOptions<AccountOptions> accounts)
    : PageModel
{
    public const string Issuer = "Аттестация";
    public const int RecoveryCodeCount = 10;
    private const string CodesKey = "RecoveryCodes";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public bool Enabled { get; private set; }

    /// <summary>The portal requires it of this person (the operator) and it is not enabled yet.</summary>
    public bool Required { get; private set; }

    public bool MayDisable { get; private set; }

    public int RecoveryCodesLeft { get; private set; }

    /// <summary>The key to type into the app by hand, in groups of four.</summary>
    public string SharedKey { get; private set; } = "";

    public string QrCodeImage { get; private set; } = "";

    /// <summary>The recovery codes just made: shown on this one page and never again.</summary>
    public string[]? RecoveryCodes { get; private set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Введите код из приложения.")]
        [RegularExpression(@"^\s*\d{3}\s?-?\d{3}\s*$", ErrorMessage = "Код — шесть цифр из приложения.")]
        [Display(Name = "Код из приложения")]
        public string Code { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
            return Challenge();
        RecoveryCodes = TempData[CodesKey] as string[];
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostEnableAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
            return Challenge();
        if (user.TwoFactorEnabled)
            return RedirectToPage(new { ReturnUrl });
        if (ModelState.IsValid)
        {
            var code = new string(Input.Code.Where(char.IsAsciiDigit).ToArray());
            if (await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
            {
                // A new security stamp: the person's other sessions end; this one goes on with a fresh cookie.
                await users.SetTwoFactorEnabledAsync(user, true);
                TempData[CodesKey] = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))!.ToArray();
                await signIn.RefreshSignInAsync(user);
                StatusMessage = "Двухфакторная защита включена. Теперь при входе портал спросит код из приложения.";
                return RedirectToPage(new { ReturnUrl });
            }
            ModelState.AddModelError("Input.Code",
                "Код не подошёл. Проверьте, что время на телефоне верное, и введите новый код из приложения.");
        }
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostCodesAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
            return Challenge();
        if (!user.TwoFactorEnabled)
            return RedirectToPage();
        TempData[CodesKey] = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))!.ToArray();
        StatusMessage = "Созданы новые коды восстановления. Прежние коды больше не действуют.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
            return Challenge();
        if (IsRequiredOf(user))
        {
            this.Refuse("Для оператора двухфакторная защита обязательна: отключить её нельзя.");
            return RedirectToPage();
        }
        if (user.TwoFactorEnabled)
        {
            await users.SetTwoFactorEnabledAsync(user, false);
            // The old key and codes die with it: enabling again starts with a new QR code.
            await users.ResetAuthenticatorKeyAsync(user);
            await signIn.RefreshSignInAsync(user);
        }
        StatusMessage = "Двухфакторная защита отключена. При входе портал спрашивает только пароль.";
        return RedirectToPage();
    }

    private bool IsRequiredOf(AppUser user) => accounts.Value.RequireOperatorTwoFactor && User.IsInRole(Roles.Operator);

    private async Task LoadAsync(AppUser user)
    {
        Enabled = user.TwoFactorEnabled;
        Required = !Enabled && IsRequiredOf(user);
        MayDisable = Enabled && !IsRequiredOf(user);
        if (Enabled)
        {
            RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user);
            return;
        }
        var key = await users.AuthenticatorKeyAsync(user);
        SharedKey = string.Join(' ', key.Chunk(4).Select(chunk => new string(chunk))).ToLowerInvariant();
        QrCodeImage = "data:image/png;base64," + Convert.ToBase64String(QrCode(AuthenticatorUri(user.UserName ?? "", key)));
    }

    /// <summary>The key as the apps read it (Google's «Key Uri Format»): the portal and the login name it.</summary>
    public static string AuthenticatorUri(string login, string key)
    {
        var issuer = Uri.EscapeDataString(Issuer);
        return new StringBuilder("otpauth://totp/").Append(issuer).Append(':').Append(Uri.EscapeDataString(login))
            .Append("?secret=").Append(key).Append("&issuer=").Append(issuer).Append("&digits=6").ToString();
    }

    private static byte[] QrCode(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return new PngByteQRCode(data).GetGraphic(5);
    }
}
