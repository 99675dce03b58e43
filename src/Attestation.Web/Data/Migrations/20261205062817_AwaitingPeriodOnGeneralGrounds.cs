using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Attestation.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class AwaitingPeriodOnGeneralGrounds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Applications_AwaitingPeriod",
                table: "Applications");

            migrationBuilder.CreateIndex(
                name: "IX_Applications_AwaitingPeriod",
                table: "Applications",
                column: "MunicipalityId",
                filter: "\"Status\" = 'Registered' AND \"PeriodId\" IS NULL AND \"SimplifiedGrounds\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Applications_AwaitingPeriod",
                table: "Applications");

            migrationBuilder.CreateIndex(
                name: "IX_Applications_AwaitingPeriod",
                table: "Applications",
                column: "MunicipalityId",
                filter: "\"Status\" = 'Registered' AND \"PeriodId\" IS NULL");
        }
    }
}
