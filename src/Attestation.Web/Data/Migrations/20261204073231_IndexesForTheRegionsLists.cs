using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Attestation.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class IndexesForTheRegionsLists : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            migrationBuilder.CreateIndex(
                name: "IX_Organisations_NameSearch",
                table: "Organisations",
                columns: new[] { "Name", "ShortName" })
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops", "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "IX_Applications_AwaitingPeriod",
                table: "Applications",
                column: "MunicipalityId",
                filter: "\"Status\" = 'Registered' AND \"PeriodId\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Applications_PendingWithdrawals",
                table: "Applications",
                column: "MunicipalityId",
                filter: "\"Withdrawal_FiledAt\" IS NOT NULL AND \"Withdrawal_RegisteredAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Applications_RegisteredWithdrawals",
                table: "Applications",
                column: "MunicipalityId",
                filter: "\"Withdrawal_RegisteredAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Applications_Status",
                table: "Applications",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_Applications_SubmittedAt",
                table: "Applications",
                column: "SubmittedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Applications_Withdrawal_FiledAt",
                table: "Applications",
                column: "Withdrawal_FiledAt",
                filter: "\"Withdrawal_FiledAt\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Organisations_NameSearch",
                table: "Organisations");

            migrationBuilder.DropIndex(
                name: "IX_Applications_AwaitingPeriod",
                table: "Applications");

            migrationBuilder.DropIndex(
                name: "IX_Applications_PendingWithdrawals",
                table: "Applications");

            migrationBuilder.DropIndex(
                name: "IX_Applications_RegisteredWithdrawals",
                table: "Applications");

            migrationBuilder.DropIndex(
                name: "IX_Applications_Status",
                table: "Applications");

            migrationBuilder.DropIndex(
                name: "IX_Applications_SubmittedAt",
                table: "Applications");

            migrationBuilder.DropIndex(
                name: "IX_Applications_Withdrawal_FiledAt",
                table: "Applications");

            migrationBuilder.AlterDatabase()
                .OldAnnotation("Npgsql:PostgresExtension:pg_trgm", ",,");
        }
    }
}
