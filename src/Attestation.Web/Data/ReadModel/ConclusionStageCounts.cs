using Attestation.Domain.Applications;
using Attestation.Web.Data.Configurations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Attestation.Web.Data.ReadModel;

/// <summary>
/// How many applications of a period and municipality are at each stage of the conclusion (in the schedule, the
/// conclusion in, checked by the coordinator), kept by PostgreSQL from the applications themselves by triggers, whoever
/// writes them (the aggregate, a plain statement, the benchmark's copy, after which it is counted again). The operator's
/// «Итоговые заключения» finds the page of a list from these groups' sizes, where it counted the list's applications by
/// period and municipality on every request (a country's 39,744 checked conclusions: 9 ms). The migration
/// ConclusionStageCountsKept installs it. Never written by the portal.
/// </summary>
public sealed class ConclusionStageCount
{
    public ApplicationStatus Status { get; private set; }

    public Guid PeriodId { get; private set; }

    public int MunicipalityId { get; private set; }

    public int Count { get; private set; }

    public const string Table = "ConclusionStageCounts";

    public const string Function = "applications_keep_conclusion_stage_counts";

    public const string InsertTrigger = "Applications_ConclusionStageCounts_Insert";

    public const string UpdateTrigger = "Applications_ConclusionStageCounts_Update";

    public const string DeleteTrigger = "Applications_ConclusionStageCounts_Delete";

    /// <summary>The statuses counted: those of the partial index of the conclusion's stages.</summary>
    private static readonly string Stages = string.Join(", ", ApplicationConfiguration.ConclusionStages.Select(s => $"'{s}'"));

    /// <summary>
    /// The group the row was in (OLD: an update or a delete) loses one, and a group left with none is removed; the group
    /// it is in now (NEW: an insert or an update) gains one. An update fires only when the status, the period or the
    /// municipality changes, so that the rest of an application's life never locks its group's row.
    /// </summary>
    public static string CreateFunction => $$"""
        CREATE FUNCTION {{Function}}() RETURNS trigger LANGUAGE plpgsql AS $body$
        BEGIN
            IF TG_OP IN ('UPDATE', 'DELETE') AND OLD."PeriodId" IS NOT NULL AND OLD."Status" IN ({{Stages}}) THEN
                UPDATE "{{Table}}" SET "Count" = "Count" - 1
                WHERE "Status" = OLD."Status" AND "PeriodId" = OLD."PeriodId" AND "MunicipalityId" = OLD."MunicipalityId";
                DELETE FROM "{{Table}}"
                WHERE "Status" = OLD."Status" AND "PeriodId" = OLD."PeriodId" AND "MunicipalityId" = OLD."MunicipalityId"
                    AND "Count" <= 0;
            END IF;
            IF TG_OP IN ('INSERT', 'UPDATE') AND NEW."PeriodId" IS NOT NULL AND NEW."Status" IN ({{Stages}}) THEN
                INSERT INTO "{{Table}}" AS c ("Status", "PeriodId", "MunicipalityId", "Count")
                VALUES (NEW."Status", NEW."PeriodId", NEW."MunicipalityId", 1)
                ON CONFLICT ("Status", "PeriodId", "MunicipalityId") DO UPDATE SET "Count" = c."Count" + 1;
            END IF;
            RETURN NULL;
        END
        $body$;
        """;

    public const string CreateTriggers = $"""
        CREATE TRIGGER "{InsertTrigger}" AFTER INSERT ON "Applications"
            FOR EACH ROW WHEN (NEW."PeriodId" IS NOT NULL) EXECUTE FUNCTION {Function}();
        CREATE TRIGGER "{UpdateTrigger}" AFTER UPDATE OF "Status", "PeriodId", "MunicipalityId" ON "Applications"
            FOR EACH ROW WHEN (OLD."Status" IS DISTINCT FROM NEW."Status" OR OLD."PeriodId" IS DISTINCT FROM NEW."PeriodId"
                OR OLD."MunicipalityId" IS DISTINCT FROM NEW."MunicipalityId")
            EXECUTE FUNCTION {Function}();
        CREATE TRIGGER "{DeleteTrigger}" AFTER DELETE ON "Applications"
            FOR EACH ROW WHEN (OLD."PeriodId" IS NOT NULL) EXECUTE FUNCTION {Function}();
        """;

    public static string DropTriggers => KeptCounts.DropTriggers(Function, InsertTrigger, UpdateTrigger, DeleteTrigger);

    /// <summary>Every group counted from the applications as they are: once when installed, and after a bulk copy.</summary>
    public static string Recount => $"""
        DELETE FROM "{Table}";
        INSERT INTO "{Table}" ("Status", "PeriodId", "MunicipalityId", "Count")
        SELECT "Status", "PeriodId", "MunicipalityId", count(*)::int FROM "Applications"
        WHERE "PeriodId" IS NOT NULL AND "Status" IN ({Stages})
        GROUP BY 1, 2, 3;
        """;

    /// <summary>The triggers switched off (a bulk copy) or on again; <see cref="Recount"/> after switching them on.</summary>
    public static string SwitchTriggers(bool enable) => KeptCounts.SwitchTriggers(enable, InsertTrigger, UpdateTrigger, DeleteTrigger);
}

public sealed class ConclusionStageCountConfiguration : IEntityTypeConfiguration<ConclusionStageCount>
{
    public void Configure(EntityTypeBuilder<ConclusionStageCount> builder)
    {
        builder.ToTable(ConclusionStageCount.Table);
        builder.HasKey(c => new { c.Status, c.PeriodId, c.MunicipalityId });
    }
}
