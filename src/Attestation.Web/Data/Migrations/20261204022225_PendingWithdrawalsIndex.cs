using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Attestation.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class PendingWithdrawalsIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Applications_PendingWithdrawals",
                table: "Applications",
                column: "MunicipalityId",
                filter: "\"Withdrawal_FiledAt\" IS NOT NULL AND \"Withdrawal_RegisteredAt\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Applications_PendingWithdrawals",
                table: "Applications");
        }
    }
}
