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

    public const string CreateFunction = $$"""
        CREATE FUNCTION {{Function}}() RETURNS trigger LANGUAGE plpgsql AS $body$
        BEGIN
            IF TG_OP <> 'INSERT' THEN
                UPDATE "AspNetUsers" AS u
                SET "{{Column}}" = (SELECT r."RoleId" FROM "AspNetUserRoles" AS r WHERE r."UserId" = OLD."UserId" ORDER BY r."RoleId" LIMIT 1)
                WHERE u."Id" = OLD."UserId";
            END IF;
            IF TG_OP <> 'DELETE' THEN
                UPDATE "AspNetUsers" AS u
                SET "{{Column}}" = (SELECT r."RoleId" FROM "AspNetUserRoles" AS r WHERE r."UserId" = NEW."UserId" ORDER BY r."RoleId" LIMIT 1)
                WHERE u."Id" = NEW."UserId";
            END IF;
            RETURN NULL;
        END
        $body$;
        """;

    public const string CreateTrigger = $"""
        CREATE TRIGGER "{Trigger}" AFTER INSERT OR DELETE OR UPDATE ON "AspNetUserRoles"
            FOR EACH ROW EXECUTE FUNCTION {Function}();
        """;

    /// <summary>Every account set from the roles as they are: once when installed, and after a bulk copy.</summary>
    public const string Recount = $"""
        UPDATE "AspNetUsers" AS u SET "{Column}" = s."RoleId"
        FROM (SELECT u2."Id", (SELECT r."RoleId" FROM "AspNetUserRoles" AS r WHERE r."UserId" = u2."Id" ORDER BY r."RoleId" LIMIT 1) AS "RoleId"
              FROM "AspNetUsers" AS u2) AS s
        WHERE u."Id" = s."Id" AND u."{Column}" IS DISTINCT FROM s."RoleId";
        """;
}
