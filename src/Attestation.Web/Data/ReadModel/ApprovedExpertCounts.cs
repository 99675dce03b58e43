using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Attestation.Web.Data.ReadModel;

/// <summary>
/// How many entries a school year's list of approved experts has for a municipality, kept by PostgreSQL from the
/// entries themselves by statement triggers, whoever writes them (the list's page, its import from Excel, the demo's
/// seeding, the benchmark's copy). «Справочники» and the operator's list of experts read the list's size and its page's
/// municipalities from these few rows (a row a municipality and year) where they counted a country's 20,000 entries of
/// the year on every request. The migration ApprovedExpertCountsKept installs it. Never written by the portal.
/// </summary>
public sealed class ApprovedExpertCount
{
    public Guid ListId { get; private set; }

    public int MunicipalityId { get; private set; }

    public int Count { get; private set; }

    public const string Function = "approved_experts_keep_counts";

    public const string TruncateFunction = "approved_experts_truncated";

    /// <summary>
    /// The entries a statement took away (<c>old_rows</c>) are subtracted and those it added (<c>new_rows</c>) added, a
    /// row a list and municipality, in the order of the keys (two statements on the same lists lock their rows in the
    /// same order); a municipality left with none is removed. PL/pgSQL reads a transition table only in the branch of
    /// the trigger that has it.
    /// </summary>
    public const string CreateFunctions = $$"""
        CREATE FUNCTION {{Function}}() RETURNS trigger LANGUAGE plpgsql AS $body$
        BEGIN
            IF TG_OP IN ('DELETE', 'UPDATE') THEN
                UPDATE "ApprovedExpertCounts" AS c SET "Count" = c."Count" - o.n
                FROM (SELECT "ListId", "MunicipalityId", count(*)::int AS n FROM old_rows GROUP BY 1, 2) AS o
                WHERE c."ListId" = o."ListId" AND c."MunicipalityId" = o."MunicipalityId";
            END IF;
            IF TG_OP IN ('INSERT', 'UPDATE') THEN
                INSERT INTO "ApprovedExpertCounts" AS c ("ListId", "MunicipalityId", "Count")
                SELECT "ListId", "MunicipalityId", count(*)::int FROM new_rows GROUP BY 1, 2 ORDER BY 1, 2
                ON CONFLICT ("ListId", "MunicipalityId") DO UPDATE SET "Count" = c."Count" + EXCLUDED."Count";
            END IF;
            IF TG_OP IN ('DELETE', 'UPDATE') THEN
                DELETE FROM "ApprovedExpertCounts" AS c
                USING (SELECT DISTINCT "ListId", "MunicipalityId" FROM old_rows) AS o
                WHERE c."ListId" = o."ListId" AND c."MunicipalityId" = o."MunicipalityId" AND c."Count" <= 0;
            END IF;
            RETURN NULL;
        END
        $body$;
        CREATE FUNCTION {{TruncateFunction}}() RETURNS trigger LANGUAGE plpgsql AS $body$
        BEGIN
            DELETE FROM "ApprovedExpertCounts";
            RETURN NULL;
        END
        $body$;
        """;

    /// <summary>A trigger may name transition tables for one event only: one a kind of statement.</summary>
    public const string CreateTriggers = $"""
        CREATE TRIGGER "ApprovedExperts_CountsInserted" AFTER INSERT ON "ApprovedExperts"
            REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION {Function}();
        CREATE TRIGGER "ApprovedExperts_CountsUpdated" AFTER UPDATE ON "ApprovedExperts"
            REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION {Function}();
        CREATE TRIGGER "ApprovedExperts_CountsDeleted" AFTER DELETE ON "ApprovedExperts"
            REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION {Function}();
        CREATE TRIGGER "ApprovedExperts_CountsTruncated" AFTER TRUNCATE ON "ApprovedExperts"
            FOR EACH STATEMENT EXECUTE FUNCTION {TruncateFunction}();
        """;

    public const string DropTriggers = $"""
        DROP TRIGGER "ApprovedExperts_CountsInserted" ON "ApprovedExperts";
        DROP TRIGGER "ApprovedExperts_CountsUpdated" ON "ApprovedExperts";
        DROP TRIGGER "ApprovedExperts_CountsDeleted" ON "ApprovedExperts";
        DROP TRIGGER "ApprovedExperts_CountsTruncated" ON "ApprovedExperts";
        DROP FUNCTION {Function}();
        DROP FUNCTION {TruncateFunction}();
        """;

    /// <summary>Every list's counts from the entries as they are: once when installed.</summary>
    public const string Recount = """
        DELETE FROM "ApprovedExpertCounts";
        INSERT INTO "ApprovedExpertCounts" ("ListId", "MunicipalityId", "Count")
        SELECT "ListId", "MunicipalityId", count(*)::int FROM "ApprovedExperts" GROUP BY 1, 2;
        """;
}

public sealed class ApprovedExpertCountConfiguration : IEntityTypeConfiguration<ApprovedExpertCount>
{
    public void Configure(EntityTypeBuilder<ApprovedExpertCount> builder)
    {
        builder.ToTable("ApprovedExpertCounts");
        builder.HasKey(c => new { c.ListId, c.MunicipalityId });
    }
}
