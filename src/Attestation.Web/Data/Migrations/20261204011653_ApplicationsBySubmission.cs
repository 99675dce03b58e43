using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Attestation.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ApplicationsBySubmission : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Applications_SubmittedAt",
                table: "Applications",
                column: "SubmittedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Applications_SubmittedAt",
                table: "Applications");
        }
    }
}
