using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Attestation.Web.Data.Migrations
{
    /// <summary>
    /// The histories of applications and periods become append-only whatever role the portal connects as, as the audit
    /// log is: a row is never changed; it is deleted only with what it is the history of — a draft the teacher deletes
    /// (the only application the portal deletes, and now the only one PostgreSQL lets anyone delete) or a period removed
    /// by the database's cascade (the portal removes only a period no application refers to).
    /// </summary>
    public partial class HistoryAppendOnly : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE FUNCTION application_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'DELETE' AND NOT EXISTS (
                        SELECT 1 FROM "Applications" WHERE "Id" = OLD."ApplicationId" AND "Status" <> 'Draft') THEN
                        RETURN OLD;
                    END IF;
                    RAISE EXCEPTION 'the history of an application is append-only: % refused', TG_OP
                        USING ERRCODE = 'insufficient_privilege';
                END
                $$;
                CREATE TRIGGER "ApplicationEvents_append_only" BEFORE UPDATE OR DELETE ON "ApplicationEvents"
                    FOR EACH ROW EXECUTE FUNCTION application_events_append_only();
                CREATE TRIGGER "ApplicationEvents_no_truncate" BEFORE TRUNCATE ON "ApplicationEvents"
                    FOR EACH STATEMENT EXECUTE FUNCTION application_events_append_only();

                -- Otherwise deleting the application would take its history with it (the foreign key cascades).
                CREATE FUNCTION applications_only_drafts_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'DELETE' AND OLD."Status" = 'Draft' THEN
                        RETURN OLD;
                    END IF;
                    RAISE EXCEPTION 'only a draft application is deleted: % refused', TG_OP
                        USING ERRCODE = 'insufficient_privilege';
                END
                $$;
                CREATE TRIGGER "Applications_only_drafts_deleted" BEFORE DELETE ON "Applications"
                    FOR EACH ROW EXECUTE FUNCTION applications_only_drafts_deleted();
                CREATE TRIGGER "Applications_no_truncate" BEFORE TRUNCATE ON "Applications"
                    FOR EACH STATEMENT EXECUTE FUNCTION applications_only_drafts_deleted();

                CREATE FUNCTION period_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    -- Depth 2: the delete comes from the foreign key's cascade, the period itself being deleted.
                    IF TG_OP = 'DELETE' AND pg_trigger_depth() > 1 THEN
                        RETURN OLD;
                    END IF;
                    RAISE EXCEPTION 'the history of a period is append-only: % refused', TG_OP
                        USING ERRCODE = 'insufficient_privilege';
                END
                $$;
                CREATE TRIGGER "PeriodEvents_append_only" BEFORE UPDATE OR DELETE ON "PeriodEvents"
                    FOR EACH ROW EXECUTE FUNCTION period_events_append_only();
                CREATE TRIGGER "PeriodEvents_no_truncate" BEFORE TRUNCATE ON "PeriodEvents"
                    FOR EACH STATEMENT EXECUTE FUNCTION period_events_append_only();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER "ApplicationEvents_append_only" ON "ApplicationEvents";
                DROP TRIGGER "ApplicationEvents_no_truncate" ON "ApplicationEvents";
                DROP FUNCTION application_events_append_only();
                DROP TRIGGER "Applications_only_drafts_deleted" ON "Applications";
                DROP TRIGGER "Applications_no_truncate" ON "Applications";
                DROP FUNCTION applications_only_drafts_deleted();
                DROP TRIGGER "PeriodEvents_append_only" ON "PeriodEvents";
                DROP TRIGGER "PeriodEvents_no_truncate" ON "PeriodEvents";
                DROP FUNCTION period_events_append_only();
                """);
        }
    }
}
