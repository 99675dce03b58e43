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

    /// <summary>
    /// After the change: a teacher whose submitted application left him (deleted, unsubmitted, moved to another
    /// teacher) is counted again; one who got a submitted application is set. The update touches the account only when
    /// the flag changes, so that a submission does not lock the account of a teacher who has submitted before.
    /// </summary>
    public const string CreateFunction = $$"""
        CREATE FUNCTION {{Function}}() RETURNS trigger LANGUAGE plpgsql AS $body$
        BEGIN
            IF TG_OP <> 'INSERT' AND OLD."SubmittedAt" IS NOT NULL THEN
                UPDATE "AspNetUsers" AS u SET "{{Column}}" = FALSE
                WHERE u."Id" = OLD."TeacherId" AND u."{{Column}}"
                  AND NOT EXISTS (SELECT 1 FROM "Applications" AS a WHERE a."TeacherId" = OLD."TeacherId" AND a."SubmittedAt" IS NOT NULL);
            END IF;
            IF TG_OP <> 'DELETE' AND NEW."SubmittedAt" IS NOT NULL THEN
                UPDATE "AspNetUsers" AS u SET "{{Column}}" = TRUE WHERE u."Id" = NEW."TeacherId" AND NOT u."{{Column}}";
            END IF;
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
    public const string Recount = $"""
        UPDATE "AspNetUsers" AS u SET "{Column}" = s.submitted
        FROM (SELECT u2."Id", EXISTS (SELECT 1 FROM "Applications" AS a WHERE a."TeacherId" = u2."Id" AND a."SubmittedAt" IS NOT NULL) AS submitted
              FROM "AspNetUsers" AS u2) AS s
        WHERE u."Id" = s."Id" AND u."{Column}" <> s.submitted;
        """;
}
