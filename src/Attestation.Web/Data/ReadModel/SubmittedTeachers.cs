namespace Attestation.Web.Data.ReadModel;

/// <summary>
/// Whether a person has ever submitted an application (<see cref="AppUser.HasSubmittedApplication"/>), kept on the
/// account by PostgreSQL: triggers on the applications set it when one is submitted and count again when one is
/// deleted or its submission or teacher changes, whoever writes the row (the portal, an import, the benchmark's copy).
/// «Педагогические работники не подавшие заявление» then reads a municipality's few dozen people without a submission
/// from a partial index, where it looked up each of its 1,500 people among the applications (a country's 2,000,000:
/// 4 × a region's time). The migration SubmittedTeachersOnAccounts installs it.
/// </summary>
public static class SubmittedTeachers
{
    public const string Column = "HasSubmittedApplication";

    public const string NotAppliedIndex = "IX_AspNetUsers_NotApplied";

    public const string Function = "applications_keep_submitted_teachers";

    public const string InsertOrDeleteTrigger = "Applications_SubmittedTeachers_InsertDelete";

    public const string UpdateTrigger = "Applications_SubmittedTeachers_Update";

    /// <summary>Whether the account <c>u</c> has a submitted application: what the flag is kept equal to.</summary>
    private const string Submitted =
        """EXISTS (SELECT 1 FROM "Applications" AS a WHERE a."TeacherId" = u."Id" AND a."SubmittedAt" IS NOT NULL)""";

    /// <summary>
    /// After the change, the teachers of the row before and after it (OLD is null for an insert, NEW for a delete) are
    /// counted again; an account is written only when its flag changes, so that a submission does not lock the account
    /// of a teacher who has submitted before.
    /// </summary>
    public const string CreateFunction = $$"""
        CREATE FUNCTION {{Function}}() RETURNS trigger LANGUAGE plpgsql AS $body$
        BEGIN
            UPDATE "AspNetUsers" AS u SET "{{Column}}" = {{Submitted}}
            WHERE u."Id" IN (OLD."TeacherId", NEW."TeacherId") AND u."{{Column}}" <> {{Submitted}};
            RETURN NULL;
        END
        $body$;
        """;

    public const string CreateTriggers = $"""
        CREATE TRIGGER "{InsertOrDeleteTrigger}" AFTER INSERT OR DELETE ON "Applications"
            FOR EACH ROW EXECUTE FUNCTION {Function}();
        CREATE TRIGGER "{UpdateTrigger}" AFTER UPDATE OF "SubmittedAt", "TeacherId" ON "Applications"
            FOR EACH ROW WHEN (OLD."SubmittedAt" IS DISTINCT FROM NEW."SubmittedAt" OR OLD."TeacherId" IS DISTINCT FROM NEW."TeacherId")
            EXECUTE FUNCTION {Function}();
        """;

    /// <summary>Every account set from the applications as they are: once when installed, and after a bulk copy.</summary>
    public const string Recount = $"""UPDATE "AspNetUsers" AS u SET "{Column}" = {Submitted} WHERE u."{Column}" <> {Submitted};""";
}
