using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Attestation.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class HeldCategoriesByTeacherAndExpiry : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_HeldCategories_TeacherId",
                table: "HeldCategories");

            migrationBuilder.CreateIndex(
                name: "IX_HeldCategories_TeacherId_ExpiresOn",
                table: "HeldCategories",
                columns: new[] { "TeacherId", "ExpiresOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_HeldCategories_TeacherId_ExpiresOn",
                table: "HeldCategories");

            migrationBuilder.CreateIndex(
                name: "IX_HeldCategories_TeacherId",
                table: "HeldCategories",
                column: "TeacherId");
        }
    }
}
