using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Attestation.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class WithdrawalsAndAwaitingPeriodIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Applications_AwaitingPeriod",
                table: "Applications",
                column: "MunicipalityId",
                filter: "\"Status\" = 'Registered' AND \"PeriodId\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Applications_RegisteredWithdrawals",
                table: "Applications",
                column: "MunicipalityId",
                filter: "\"Withdrawal_RegisteredAt\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Applications_AwaitingPeriod",
                table: "Applications");

            migrationBuilder.DropIndex(
                name: "IX_Applications_RegisteredWithdrawals",
                table: "Applications");
        }
    }
}
