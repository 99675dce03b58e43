using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Attestation.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_MunicipalityId_LastName",
                table: "AspNetUsers");

            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_OrganisationId_LastName",
                table: "AspNetUsers");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_MunicipalityId_LastName_FirstName_MiddleName_Id",
                table: "AspNetUsers",
                columns: new[] { "MunicipalityId", "LastName", "FirstName", "MiddleName", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_OrganisationId_LastName_FirstName_MiddleName_Id",
                table: "AspNetUsers",
                columns: new[] { "OrganisationId", "LastName", "FirstName", "MiddleName", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Applications_MunicipalityId_SubmittedAt",
                table: "Applications",
                columns: new[] { "MunicipalityId", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Applications_Simplified",
                table: "Applications",
                column: "MunicipalityId",
                filter: "\"PeriodId\" IS NULL AND \"SimplifiedGrounds\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Applications_SubmittedTeachers",
                table: "Applications",
                column: "TeacherId",
                filter: "\"SubmittedAt\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_MunicipalityId_LastName_FirstName_MiddleName_Id",
                table: "AspNetUsers");

            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_OrganisationId_LastName_FirstName_MiddleName_Id",
                table: "AspNetUsers");

            migrationBuilder.DropIndex(
                name: "IX_Applications_MunicipalityId_SubmittedAt",
                table: "Applications");

            migrationBuilder.DropIndex(
                name: "IX_Applications_Simplified",
                table: "Applications");

            migrationBuilder.DropIndex(
                name: "IX_Applications_SubmittedTeachers",
                table: "Applications");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_MunicipalityId_LastName",
                table: "AspNetUsers",
                columns: new[] { "MunicipalityId", "LastName" });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_OrganisationId_LastName",
                table: "AspNetUsers",
                columns: new[] { "OrganisationId", "LastName" });
        }
    }
}
