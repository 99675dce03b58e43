using Attestation.Testing;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Data.Configurations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attestation.Web.Tests.Data;

/// <summary>
/// The role on the account (Data/ReadModel/AccountRoles.cs) follows Identity's table of roles whoever writes it, and a
/// save of the account never puts an older value back: the lists of one role's people read it.
/// </summary>
public sealed class AccountRoleTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task The_role_follows_identitys_roles_when_given_taken_and_changed()
    {
        var user = await factory.CreateUserAsync(Roles.Expert, "role.follow");
        var given = await RoleAsync(user.Id);

        await factory.WithServicesAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<AppUser>>();
            var account = await users.FindByIdAsync(user.Id.ToString()) ?? throw new InvalidOperationException("No account.");
            await users.RemoveFromRoleAsync(account, Roles.Expert);
            return 0;
        });
        var taken = await RoleAsync(user.Id);

        // Written straight in the table: the trigger still keeps the account's role.
        await SqlAsync($"""INSERT INTO "AspNetUserRoles" ("UserId", "RoleId") VALUES ('{user.Id}', '{RoleConfiguration.Ids[Roles.Teacher]}')""");
        var inserted = await RoleAsync(user.Id);
        await SqlAsync($"""UPDATE "AspNetUserRoles" SET "RoleId" = '{RoleConfiguration.Ids[Roles.SchoolCoordinator]}' WHERE "UserId" = '{user.Id}'""");
        var changed = await RoleAsync(user.Id);

        Assert.Equal(RoleConfiguration.Ids[Roles.Expert], given);
        Assert.Null(taken);
        Assert.Equal(RoleConfiguration.Ids[Roles.Teacher], inserted);
        Assert.Equal(RoleConfiguration.Ids[Roles.SchoolCoordinator], changed);
    }

    [Fact]
    public async Task An_account_read_before_its_role_was_given_and_saved_after_keeps_the_role()
    {
        var user = await factory.CreateUserAsync(Roles.Teacher, "role.save");
        await SqlAsync($"""DELETE FROM "AspNetUserRoles" WHERE "UserId" = '{user.Id}'""");
        await using var db = factory.OpenDb();
        var account = await db.Users.SingleAsync(u => u.Id == user.Id);

        await SqlAsync($"""INSERT INTO "AspNetUserRoles" ("UserId", "RoleId") VALUES ('{user.Id}', '{RoleConfiguration.Ids[Roles.Expert]}')""");
        account.LastName = "Пересохранённая";
        await db.SaveChangesAsync();

        Assert.Null(account.RoleId);
        Assert.Equal(RoleConfiguration.Ids[Roles.Expert], await RoleAsync(user.Id));
    }

    private async Task<Guid?> RoleAsync(Guid userId)
    {
        await using var db = factory.OpenDb();
        return await db.Users.Where(u => u.Id == userId).Select(u => u.RoleId).SingleAsync();
    }

    private async Task SqlAsync(string sql)
    {
        await using var db = factory.OpenDb();
        await db.Database.ExecuteSqlRawAsync(sql);
    }
}
