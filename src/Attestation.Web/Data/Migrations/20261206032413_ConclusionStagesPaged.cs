using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Attestation.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ConclusionStagesPaged : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Applications_ConclusionStages",
                table: "Applications");

            migrationBuilder.CreateIndex(
                name: "IX_Applications_ConclusionStages",
                table: "Applications",
                columns: new[] { "Status", "PeriodId", "MunicipalityId", "LastName", "FirstName", "MiddleName", "Id" },
                filter: "\"PeriodId\" IS NOT NULL AND \"Status\" IN ('Scheduled', 'ConclusionUploaded', 'ConclusionSigned', 'Verified')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Applications_ConclusionStages",
                table: "Applications");

            migrationBuilder.CreateIndex(
                name: "IX_Applications_ConclusionStages",
                table: "Applications",
                columns: new[] { "Status", "MunicipalityId", "PeriodId" },
                filter: "\"PeriodId\" IS NOT NULL AND \"Status\" IN ('Scheduled', 'ConclusionUploaded', 'ConclusionSigned', 'Verified')");
        }
    }
}
