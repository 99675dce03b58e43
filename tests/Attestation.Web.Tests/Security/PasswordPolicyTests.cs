using System.Net;
using Attestation.Testing;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Data.Demo;

namespace Attestation.Web.Tests.Security;

/// <summary>Issue 14, item 1 (ASVS V6.2): twelve characters, nothing common, predictable or personal.</summary>
public sealed class PasswordPolicyTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static readonly AppUser Person = new()
    {
        UserName = "ivanova.mp",
        Email = "m.ivanova@school2.tomsk.ru",
        LastName = "Иванова",
        FirstName = "Мария",
        MiddleName = "Петровна",
    };

    [Theory]
    [InlineData("password1234")]
    [InlineData("Password1234")]
    [InlineData("qwerty123456")]
    [InlineData("iloveyou2026")]
    [InlineData("!!dragon777777")]
    [InlineData("ПАРОЛЬ123456")] // «пароль» is «gfhjkm» on the Latin keys
    [InlineData("привет123456")]
    public void A_common_password_is_refused(string password) =>
        Assert.Equal([PortalPasswordValidator.CommonMessage], Refusals(password));

    [Theory]
    [InlineData("987654321098")]
    [InlineData("йцукенгшщзхъ")]
    [InlineData("zyxwvutsrqpo")]
    [InlineData("aaaaaaaaaaaa")]
    [InlineData("abcabcabcabc")]
    [InlineData("121212121212")]
    [InlineData("098765432109")]
    [InlineData("1234567890ab")]
    [InlineData("mnopqr-54321")]
    [InlineData("abcdef111111")]
    [InlineData("ЭЮЯ-где-1111")]
    public void A_keyboard_run_or_a_repetition_is_refused(string password) =>
        Assert.Equal([PortalPasswordValidator.PredictableMessage], Refusals(password));

    [Theory]
    [InlineData("ivanova.mp")]
    [InlineData("Ivanova.MP-2026-12")]
    [InlineData("m.ivanova-secret-2026")]
    public void A_password_with_the_login_or_the_e_mail_is_refused(string password) =>
        Assert.Equal([PortalPasswordValidator.LoginMessage], Refusals(password));

    [Theory]
    [InlineData("ИвановаЛучшеВсех")]
    [InlineData("мария-учитель-школы")]
    [InlineData("ПЁТР-петровна-2026")]
    public void A_password_with_the_name_is_refused(string password) =>
        Assert.Equal([PortalPasswordValidator.NameMessage], Refusals(password));

    [Theory]
    [InlineData(DemoOptions.DefaultPassword)]
    [InlineData(PortalFactory.Password)]
    [InlineData("Лес-река-гора-2026")]
    [InlineData("Сосна-берёза-ель-2026")]
    [InlineData("Новая фраза для входа")]
    [InlineData("синий трактор едет в поле")]
    [InlineData("Лес-река-гора-123456")] // a run, and a phrase of its own around it
    [InlineData("abc-ёлка-у-дома")]
    public void A_phrase_of_its_own_is_accepted(string password) => Assert.Empty(Refusals(password));

    [Fact]
    public void The_list_holds_tens_of_thousands_of_common_passwords() =>
        Assert.InRange(CommonPasswords.Count, 40_000, 100_000);

    [Fact]
    public async Task A_common_password_is_refused_next_to_its_field_when_changing_the_password()
    {
        await factory.CreateUserAsync(Roles.Teacher, "policy.common");
        using var client = await factory.SignInAsync("policy.common");

        using var response = await ChangeAsync(client, "password1234");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(PortalPasswordValidator.CommonMessage, (await response.ReadDocumentAsync()).FieldError("Input.Password"));
    }

    [Fact]
    public async Task A_password_made_of_the_login_is_refused_next_to_its_field()
    {
        await factory.CreateUserAsync(Roles.Teacher, "policy.login");
        using var client = await factory.SignInAsync("policy.login");

        using var response = await ChangeAsync(client, "policy.login.2026");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(PortalPasswordValidator.LoginMessage, (await response.ReadDocumentAsync()).FieldError("Input.Password"));
    }

    [Fact]
    public async Task Eleven_characters_are_too_few()
    {
        await factory.CreateUserAsync(Roles.Teacher, "policy.short");
        using var client = await factory.SignInAsync("policy.short");

        using var response = await ChangeAsync(client, "Сосна-ель-1");

        Assert.Equal("Пароль должен содержать не менее 12 символов.", (await response.ReadDocumentAsync()).FieldError("Input.Password"));
    }

    private static Task<HttpResponseMessage> ChangeAsync(HttpClient client, string password) =>
        client.SubmitFormAsync("/Account/ChangePassword", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = PortalFactory.Password,
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = password,
        });

    private static string[] Refusals(string password) =>
        PortalPasswordValidator.Check(password, Person).Select(error => error.Description).ToArray();
}
