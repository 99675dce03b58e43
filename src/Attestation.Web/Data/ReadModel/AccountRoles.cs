namespace Attestation.Web.Data.ReadModel;

/// <summary>
/// The person's role on the account itself (<see cref="AppUser.RoleId"/>), kept by PostgreSQL from Identity's table of
/// roles by triggers, whoever writes it (Identity, the demo's seeding, the benchmark's copy). A person has one role in
/// the portal; were there several, the account names the first by id. The lists of a municipality's or an
/// organisation's people of one role («Пользователи», «Педагогические работники» of a school, «не подавшие
/// заявление») then read them from the indexes (municipality or organisation, role, name), where each of the
/// municipality's 1,500 people was looked up in the roles' table (a country's 400,000 rows: twice a region's time).
/// The migration AccountRoleOnAccounts installs it.
/// </summary>
public static class AccountRoles
{
    public const string Column = "RoleId";

    public const string Function = "user_roles_keep_account_role";

    public const string Trigger = "AspNetUserRoles_AccountRole";

    /// <summary>The first role of the account <c>u</c> by id in Identity's table: what the column is kept equal to.</summary>
    private const string FirstRole =
        """(SELECT r."RoleId" FROM "AspNetUserRoles" AS r WHERE r."UserId" = u."Id" ORDER BY r."RoleId" LIMIT 1)""";

    /// <summary>
    /// After the change, the accounts of the row before and after it (OLD is null for an insert, NEW for a delete) are
    /// set again, each written only when its role changes.
    /// </summary>
    public const string CreateFunction = $$"""
        CREATE FUNCTION {{Function}}() RETURNS trigger LANGUAGE plpgsql AS $body$
        BEGIN
            UPDATE "AspNetUsers" AS u SET "{{Column}}" = {{FirstRole}}
            WHERE u."Id" IN (OLD."UserId", NEW."UserId") AND u."{{Column}}" IS DISTINCT FROM {{FirstRole}};
            RETURN NULL;
        END
        $body$;
        """;

    public const string CreateTrigger = $"""
        CREATE TRIGGER "{Trigger}" AFTER INSERT OR DELETE OR UPDATE ON "AspNetUserRoles"
            FOR EACH ROW EXECUTE FUNCTION {Function}();
        """;

    /// <summary>Every account set from the roles as they are: once when installed, and after a bulk copy.</summary>
    public const string Recount = $"""UPDATE "AspNetUsers" AS u SET "{Column}" = {FirstRole} WHERE u."{Column}" IS DISTINCT FROM {FirstRole};""";
}
