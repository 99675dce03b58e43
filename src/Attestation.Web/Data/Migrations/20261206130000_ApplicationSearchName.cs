using Attestation.Web.Data.ReadModel;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Attestation.Web.Data.Migrations
{
    /// <summary>
    /// The teacher's name as the searches read it, a column PostgreSQL writes itself (<see cref="ApplicationSearch"/>):
    /// lowered once when written, compared byte by byte, where each search lowered every row it tested through the
    /// names' Russian collation (1.6 µs a row against 0.16). The trigram index moves onto it; the index of submission
    /// instants carries it with the id, so the operator's list of the latest submissions walks the index alone to the
    /// page's fifty names found: «иван» among a country's 2,000,000 applications tested 7,800 rows from the table for
    /// its first page (27 ms). Adding the column rewrites the table once.
    /// </summary>
    public partial class ApplicationSearchName : Migration
    {
        private const string Folded =
            """(replace(replace(((("LastName" || ' ') || "FirstName") || ' ') || COALESCE("MiddleName", ''), 'ё', 'е'), 'Ё', 'Е'))""";

        private const string SubmittedAtIncluded =
            """
            "MunicipalityId", "Status", "ClaimedCategory", "Form", "ConsideredAt", "RegisteredAt",
                "Decision_Outcome", "Decision_MeetingDate", "Withdrawal_ReasonKind"
            """;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: ApplicationSearch.Column,
                table: "Applications",
                type: "text",
                nullable: false,
                collation: "C",
                computedColumnSql: ApplicationSearch.Sql,
                stored: true);

            migrationBuilder.Sql("""DROP INDEX "IX_Applications_MunicipalityId_FoldedName";""");
            migrationBuilder.Sql("""CREATE INDEX "IX_Applications_MunicipalityId_SearchName" ON "Applications" USING gin ("MunicipalityId", "SearchName" gin_trgm_ops);""");
            migrationBuilder.Sql("""ALTER TABLE "Applications" ALTER COLUMN "SearchName" SET STATISTICS 300;""");
            migrationBuilder.Sql("""DROP INDEX "IX_Applications_SubmittedAt";""");
            migrationBuilder.Sql($"""
                CREATE INDEX "IX_Applications_SubmittedAt" ON "Applications" ("SubmittedAt")
                INCLUDE ({SubmittedAtIncluded}, "Id", "SearchName");
                """);
            // Outside the migration's transaction: the rewritten table has no page marked all-visible until vacuumed, and
            // until then every index-only read visits the table as well (7,780 pages for the first page of «иван»).
            migrationBuilder.Sql("""VACUUM (ANALYZE) "Applications";""", suppressTransaction: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX "IX_Applications_SubmittedAt";""");
            migrationBuilder.Sql($"""CREATE INDEX "IX_Applications_SubmittedAt" ON "Applications" ("SubmittedAt") INCLUDE ({SubmittedAtIncluded});""");
            migrationBuilder.Sql("""DROP INDEX "IX_Applications_MunicipalityId_SearchName";""");
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS btree_gin;");
            migrationBuilder.Sql($"""CREATE INDEX "IX_Applications_MunicipalityId_FoldedName" ON "Applications" USING gin ("MunicipalityId", {Folded} gin_trgm_ops);""");
            migrationBuilder.Sql("""ALTER INDEX "IX_Applications_MunicipalityId_FoldedName" ALTER COLUMN 2 SET STATISTICS 300;""");
            migrationBuilder.DropColumn(name: ApplicationSearch.Column, table: "Applications");
        }
    }
}
