using System.Net;
using Attestation.Testing;
using Attestation.Web.Authorization;
using Attestation.Web.Infrastructure;
using Attestation.Web.Pages.Account;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Tests.Account;

/// <summary>Everyone's own password and, for the staff without a cabinet of their own, their name and contacts.</summary>
public sealed class OwnAccountTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string PasswordUrl = "/Account/ChangePassword";
    private const string ProfileUrl = "/Account/Profile";
    private const string NewPassword = "Новая фраза для входа";

    [Theory]
    [InlineData(Roles.Expert)]
    [InlineData(Roles.Operator)]
    [InlineData(Roles.SchoolCoordinator)]
    [InlineData(Roles.MunicipalCoordinator)]
    [InlineData(Roles.Teacher)]
    public async Task Every_role_changes_its_password_with_the_current_one_and_signs_in_with_the_new_one(string role)
    {
        var login = $"own.pw.{role.ToLowerInvariant()}";
        await factory.CreateUserAsync(role, login);
        using var client = await factory.SignInAsync(login);

        using var wrong = await client.SubmitFormAsync(PasswordUrl, Fields("Не тот пароль", NewPassword, NewPassword));
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Equal("Неверный пароль.", (await wrong.ReadDocumentAsync()).FieldError("Input.CurrentPassword"));

        using var changed = await client.SubmitFormAsync(PasswordUrl, Fields(PortalFactory.Password, NewPassword, NewPassword));
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(PasswordUrl, changed.RedirectPath());
        // This session goes on, with the message.
        var page = await client.GetDocumentAsync(PasswordUrl);
        Assert.Equal(ChangePasswordModel.ChangedMessage, page.QuerySelector("[role=status]")!.TextContent.Trim());

        await Assert.ThrowsAsync<InvalidOperationException>(() => factory.SignInAsync(login));
        using var again = await factory.SignInAsync(login, NewPassword);
    }

    [Fact]
    public async Task A_change_of_password_ends_the_persons_other_sessions_at_once_and_keeps_this_one()
    {
        await factory.CreateUserAsync(Roles.Teacher, "own.pw.sessions");
        using var here = await factory.SignInAsync("own.pw.sessions");
        using var elsewhere = await factory.SignInAsync("own.pw.sessions");

        using var changed = await here.SubmitFormAsync(PasswordUrl, Fields(PortalFactory.Password, NewPassword, NewPassword));

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        using var stillHere = await here.GetAsync("/Teacher");
        Assert.Equal(HttpStatusCode.OK, stillHere.StatusCode);
        using var endedElsewhere = await elsewhere.GetAsync("/Teacher");
        Assert.Equal(HttpStatusCode.Redirect, endedElsewhere.StatusCode);
        Assert.StartsWith("/Account/Login", endedElsewhere.RedirectPath(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_change_sent_twice_reports_the_change_not_a_wrong_password()
    {
        await factory.CreateUserAsync(Roles.Expert, "own.pw.twice");
        using var client = await factory.SignInAsync("own.pw.twice");
        var form = await client.GetDocumentAsync(PasswordUrl);

        using var first = await client.SubmitFormAsync(form, PasswordUrl, Fields(PortalFactory.Password, NewPassword, NewPassword));
        using var second = await client.SubmitFormAsync(form, PasswordUrl, Fields(PortalFactory.Password, NewPassword, NewPassword));

        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Redirect), (first.StatusCode, second.StatusCode));
        using var signedIn = await factory.SignInAsync("own.pw.twice", NewPassword);
    }

    [Fact]
    public async Task A_short_or_mistyped_new_password_is_refused_in_russian_next_to_its_field()
    {
        await factory.CreateUserAsync(Roles.Expert, "own.pw.bad");
        using var client = await factory.SignInAsync("own.pw.bad");

        using var response = await client.SubmitFormAsync(PasswordUrl, Fields("", "корото", "другой"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["Input.CurrentPassword"] = "Введите текущий пароль.",
                ["Input.Password"] = $"Пароль должен содержать не менее {IdentitySetup.MinPasswordLength} символов.",
                ["Input.ConfirmPassword"] = "Пароли не совпадают.",
            },
            (await response.ReadDocumentAsync()).FieldErrors());
        using var signedIn = await factory.SignInAsync("own.pw.bad");
    }

    [Fact]
    public async Task Nobody_signed_out_reaches_the_change_of_a_password()
    {
        using var client = factory.CreatePortalClient();

        using var response = await client.GetAsync(PasswordUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.RedirectPath(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expert_edits_the_name_and_contacts_but_not_the_workplace()
    {
        var expert = await factory.CreateUserAsync(Roles.Expert, "own.profile.expert", u => u.WorkPhone = "+7 (3822) 11-11-11");
        using var client = await factory.SignInAsync("own.profile.expert");
        var before = await client.GetDocumentAsync(ProfileUrl);
        Assert.Equal(("Проверкина", "own.profile.expert@example.org", "+7 (3822) 11-11-11"),
            (before.FieldValue("Input.LastName"), before.FieldValue("Input.Email"), before.FieldValue("Input.WorkPhone")));

        using var response = await client.SubmitFormAsync(before, ProfileUrl, new Dictionary<string, string>
        {
            ["Input.LastName"] = "сидорова",
            ["Input.Email"] = " sidorova@school.example ",
            ["Input.Phone"] = "+7 913 000-00-00",
            ["Input.WorkPhone"] = "",
            // Not fields of the form: a forged post does not move the expert.
            ["Input.MunicipalityId"] = "1",
            ["Input.OrganisationId"] = "1",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = factory.OpenDb();
        var saved = await db.Users.AsNoTracking().SingleAsync(u => u.Id == expert.Id);
        Assert.Equal(("Сидорова", "sidorova@school.example", "+7 913 000-00-00", null, null, null),
            (saved.LastName, saved.Email, saved.PhoneNumber, saved.WorkPhone, saved.MunicipalityId, saved.OrganisationId));
        var page = await client.GetDocumentAsync(ProfileUrl);
        Assert.Equal(OwnProfile.SavedMessage, page.QuerySelector("[role=status]")!.TextContent.Trim());
        Assert.Contains("Сидорова А. С.", page.QuerySelector("nav")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(Roles.DisplayName(Roles.Expert), page.QuerySelector("#placement")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_profile_saved_meanwhile_in_another_tab_is_not_overwritten_and_the_typed_values_stay()
    {
        var user = await factory.CreateUserAsync(Roles.Operator, "own.profile.stale");
        using var client = await factory.SignInAsync("own.profile.stale");
        var older = await client.GetDocumentAsync(ProfileUrl);
        using var first = await client.SubmitFormAsync(ProfileUrl, new Dictionary<string, string> { ["Input.Phone"] = "+7 913 111-11-11" });
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);

        using var stale = await client.SubmitFormAsync(older, ProfileUrl, new Dictionary<string, string> { ["Input.LastName"] = "Иванова" });

        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var page = await stale.ReadDocumentAsync();
        Assert.Contains(AccountVersions.EditedMeanwhile, page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Иванова", page.FieldValue("Input.LastName"));
        await using var db = factory.OpenDb();
        var saved = await db.Users.AsNoTracking().SingleAsync(u => u.Id == user.Id);
        Assert.Equal(("Проверкина", "+7 913 111-11-11"), (saved.LastName, saved.PhoneNumber));
    }

    private static Dictionary<string, string> Fields(string current, string password, string confirm) => new()
    {
        ["Input.CurrentPassword"] = current,
        ["Input.Password"] = password,
        ["Input.ConfirmPassword"] = confirm,
    };
}
