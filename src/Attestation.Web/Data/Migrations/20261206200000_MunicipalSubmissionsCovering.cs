using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Attestation.Web.Data.Migrations
{
    /// <summary>
    /// The index of a municipality's submissions carries what «Мониторинг» counts by submission, as the region's index of
    /// submission instants does (CoveringPeriodAndSubmissionIndexes): a municipality's twelve months are then read from
    /// its own 800 index entries alone, where the planner walked the region's 16,400 submissions of the twelve months in
    /// the region's index and dropped all but the municipality's (a region's municipal «Мониторинг»: its two counts by
    /// submission 7.6 → 2.5 ms of SQL a request). Its other readers (a municipality's journals and their counts) read
    /// the same keys; the index is 4.6 → 15 MB at a region's size.
    /// </summary>
    public partial class MunicipalSubmissionsCovering : Migration
    {
        private const string Included =
            """
            "Status", "ClaimedCategory", "Form", "ConsideredAt", "RegisteredAt",
                "Decision_Outcome", "Decision_MeetingDate", "Withdrawal_ReasonKind"
            """;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX "IX_Applications_MunicipalityId_SubmittedAt";""");
            migrationBuilder.Sql($"""
                CREATE INDEX "IX_Applications_MunicipalityId_SubmittedAt" ON "Applications" ("MunicipalityId", "SubmittedAt")
                INCLUDE ({Included});
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX "IX_Applications_MunicipalityId_SubmittedAt";""");
            migrationBuilder.Sql("""CREATE INDEX "IX_Applications_MunicipalityId_SubmittedAt" ON "Applications" ("MunicipalityId", "SubmittedAt");""");
        }
    }
}
