using Attestation.Domain.Applications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Attestation.Web.Data.ReadModel;

/// <summary>
/// How many applications of a period and municipality have both experts (<see cref="Complete"/>) and how many do not, kept
/// by PostgreSQL from the applications themselves by triggers, whoever writes them (the aggregate, a plain statement, the
/// benchmark's copy, after which it is counted again). The schedule's summaries (<see cref="Documents.ScheduleQueries"/>)
/// read these, where they grouped the period's applications on every request (a country's period: 21,948 applications,
/// 5 ms). The migration ScheduleCountsKept installs it. Never written by the portal.
/// </summary>
public sealed class PeriodScheduleCount
{
    public Guid PeriodId { get; private set; }

    public int MunicipalityId { get; private set; }

    public int Complete { get; private set; }

    public int Incomplete { get; private set; }

    public const string Table = "PeriodScheduleCounts";

    public const string Function = "applications_keep_period_schedule_counts";

    public const string InsertTrigger = "Applications_PeriodScheduleCounts_Insert";

    public const string UpdateTrigger = "Applications_PeriodScheduleCounts_Update";

    public const string DeleteTrigger = "Applications_PeriodScheduleCounts_Delete";

    private const string OldComplete = """(OLD."ExpertAId" IS NOT NULL AND OLD."ExpertBId" IS NOT NULL)""";

    private const string NewComplete = """(NEW."ExpertAId" IS NOT NULL AND NEW."ExpertBId" IS NOT NULL)""";

    /// <summary>
    /// The group the row was in (OLD: an update or a delete) loses it, and a group left with none is removed; the group it
    /// is in now (NEW) gains it. An update fires only when the period, the municipality or whether both experts are named
    /// changes, so that the rest of an application's life never locks its group's row.
    /// </summary>
    public static string CreateFunction => $$"""
        CREATE FUNCTION {{Function}}() RETURNS trigger LANGUAGE plpgsql AS $body$
        BEGIN
            IF TG_OP IN ('UPDATE', 'DELETE') AND OLD."PeriodId" IS NOT NULL THEN
                UPDATE "{{Table}}" SET "Complete" = "Complete" - {{OldComplete}}::int,
                    "Incomplete" = "Incomplete" - (NOT {{OldComplete}})::int
                WHERE "PeriodId" = OLD."PeriodId" AND "MunicipalityId" = OLD."MunicipalityId";
                DELETE FROM "{{Table}}"
                WHERE "PeriodId" = OLD."PeriodId" AND "MunicipalityId" = OLD."MunicipalityId"
                    AND "Complete" <= 0 AND "Incomplete" <= 0;
            END IF;
            IF TG_OP IN ('INSERT', 'UPDATE') AND NEW."PeriodId" IS NOT NULL THEN
                INSERT INTO "{{Table}}" AS c ("PeriodId", "MunicipalityId", "Complete", "Incomplete")
                VALUES (NEW."PeriodId", NEW."MunicipalityId", {{NewComplete}}::int, (NOT {{NewComplete}})::int)
                ON CONFLICT ("PeriodId", "MunicipalityId") DO UPDATE
                    SET "Complete" = c."Complete" + EXCLUDED."Complete", "Incomplete" = c."Incomplete" + EXCLUDED."Incomplete";
            END IF;
            RETURN NULL;
        END
        $body$;
        """;

    public const string CreateTriggers = $"""
        CREATE TRIGGER "{InsertTrigger}" AFTER INSERT ON "Applications"
            FOR EACH ROW WHEN (NEW."PeriodId" IS NOT NULL) EXECUTE FUNCTION {Function}();
        CREATE TRIGGER "{UpdateTrigger}" AFTER UPDATE OF "PeriodId", "MunicipalityId", "ExpertAId", "ExpertBId" ON "Applications"
            FOR EACH ROW WHEN (OLD."PeriodId" IS DISTINCT FROM NEW."PeriodId" OR OLD."MunicipalityId" IS DISTINCT FROM NEW."MunicipalityId"
                OR {OldComplete} IS DISTINCT FROM {NewComplete})
            EXECUTE FUNCTION {Function}();
        CREATE TRIGGER "{DeleteTrigger}" AFTER DELETE ON "Applications"
            FOR EACH ROW WHEN (OLD."PeriodId" IS NOT NULL) EXECUTE FUNCTION {Function}();
        """;

    public static string DropTriggers => KeptCounts.DropTriggers(Function, InsertTrigger, UpdateTrigger, DeleteTrigger);

    /// <summary>Every group counted from the applications as they are: once when installed, and after a bulk copy.</summary>
    public const string Recount = $"""
        DELETE FROM "{Table}";
        INSERT INTO "{Table}" ("PeriodId", "MunicipalityId", "Complete", "Incomplete")
        SELECT "PeriodId", "MunicipalityId",
            count(*) FILTER (WHERE "ExpertAId" IS NOT NULL AND "ExpertBId" IS NOT NULL)::int,
            count(*) FILTER (WHERE "ExpertAId" IS NULL OR "ExpertBId" IS NULL)::int
        FROM "Applications" WHERE "PeriodId" IS NOT NULL
        GROUP BY 1, 2;
        """;

    /// <summary>The triggers switched off (a bulk copy) or on again; <see cref="Recount"/> after switching them on.</summary>
    public static string SwitchTriggers(bool enable) => KeptCounts.SwitchTriggers(enable, InsertTrigger, UpdateTrigger, DeleteTrigger);
}

/// <summary>
/// How many registered applications of a municipality on general grounds wait for a period
/// (<see cref="ApplicationFilters.AwaitingPeriod"/>), kept like <see cref="PeriodScheduleCount"/>: the schedule's summaries
/// counted them per municipality on every request (a country: 280 index probes, 23,000 entries, 4 ms).
/// </summary>
public sealed class AwaitingPeriodCount
{
    public int MunicipalityId { get; private set; }

    public int Count { get; private set; }

    public const string Table = "AwaitingPeriodCounts";

    public const string Function = "applications_keep_awaiting_period_counts";

    public const string InsertTrigger = "Applications_AwaitingPeriodCounts_Insert";

    public const string UpdateTrigger = "Applications_AwaitingPeriodCounts_Update";

    public const string DeleteTrigger = "Applications_AwaitingPeriodCounts_Delete";

    /// <summary>The SQL of <see cref="ApplicationFilters.AwaitingPeriod"/> on a trigger's row (OLD or NEW).</summary>
    private static string Awaiting(string row) =>
        $"""({row}."Status" = '{ApplicationStatus.Registered}' AND {row}."PeriodId" IS NULL AND {row}."SimplifiedGrounds" IS NULL)""";

    public static string CreateFunction => $$"""
        CREATE FUNCTION {{Function}}() RETURNS trigger LANGUAGE plpgsql AS $body$
        BEGIN
            IF TG_OP IN ('UPDATE', 'DELETE') AND {{Awaiting("OLD")}} THEN
                UPDATE "{{Table}}" SET "Count" = "Count" - 1 WHERE "MunicipalityId" = OLD."MunicipalityId";
                DELETE FROM "{{Table}}" WHERE "MunicipalityId" = OLD."MunicipalityId" AND "Count" <= 0;
            END IF;
            IF TG_OP IN ('INSERT', 'UPDATE') AND {{Awaiting("NEW")}} THEN
                INSERT INTO "{{Table}}" AS c ("MunicipalityId", "Count") VALUES (NEW."MunicipalityId", 1)
                ON CONFLICT ("MunicipalityId") DO UPDATE SET "Count" = c."Count" + 1;
            END IF;
            RETURN NULL;
        END
        $body$;
        """;

    public static string CreateTriggers => $"""
        CREATE TRIGGER "{InsertTrigger}" AFTER INSERT ON "Applications"
            FOR EACH ROW WHEN {Awaiting("NEW")} EXECUTE FUNCTION {Function}();
        CREATE TRIGGER "{UpdateTrigger}" AFTER UPDATE OF "Status", "PeriodId", "SimplifiedGrounds", "MunicipalityId" ON "Applications"
            FOR EACH ROW WHEN ({Awaiting("OLD")} IS DISTINCT FROM {Awaiting("NEW")}
                OR ({Awaiting("NEW")} AND OLD."MunicipalityId" IS DISTINCT FROM NEW."MunicipalityId"))
            EXECUTE FUNCTION {Function}();
        CREATE TRIGGER "{DeleteTrigger}" AFTER DELETE ON "Applications"
            FOR EACH ROW WHEN {Awaiting("OLD")} EXECUTE FUNCTION {Function}();
        """;

    public static string DropTriggers => KeptCounts.DropTriggers(Function, InsertTrigger, UpdateTrigger, DeleteTrigger);

    public static string Recount => $"""
        DELETE FROM "{Table}";
        INSERT INTO "{Table}" ("MunicipalityId", "Count")
        SELECT "MunicipalityId", count(*)::int FROM "Applications" AS a WHERE {Awaiting("a")}
        GROUP BY 1;
        """;

    public static string SwitchTriggers(bool enable) => KeptCounts.SwitchTriggers(enable, InsertTrigger, UpdateTrigger, DeleteTrigger);
}

public sealed class PeriodScheduleCountConfiguration : IEntityTypeConfiguration<PeriodScheduleCount>
{
    public void Configure(EntityTypeBuilder<PeriodScheduleCount> builder)
    {
        builder.ToTable(PeriodScheduleCount.Table);
        builder.HasKey(c => new { c.PeriodId, c.MunicipalityId });
    }
}

public sealed class AwaitingPeriodCountConfiguration : IEntityTypeConfiguration<AwaitingPeriodCount>
{
    public void Configure(EntityTypeBuilder<AwaitingPeriodCount> builder)
    {
        builder.ToTable(AwaitingPeriodCount.Table);
        builder.HasKey(c => c.MunicipalityId);
        builder.Property(c => c.MunicipalityId).ValueGeneratedNever();
    }
}
