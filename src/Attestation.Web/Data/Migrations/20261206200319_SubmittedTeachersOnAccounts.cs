using Attestation.Web.Data.ReadModel;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Attestation.Web.Data.Migrations
{
    /// <summary>
    /// Whether each person has ever submitted an application, on the account and kept by triggers on the applications
    /// (<see cref="SubmittedTeachers"/>), with the partial index of a municipality's people who never did: «Педагогические
    /// работники не подавшие заявление» reads its few dozen rows from it instead of looking up each of the municipality's
    /// people among the applications. The accounts are counted once here (a country's 400,000: a few seconds).
    /// </summary>
    public partial class SubmittedTeachersOnAccounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "HasSubmittedApplication",
                table: "AspNetUsers",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.Sql(SubmittedTeachers.CreateFunction);
            migrationBuilder.Sql(SubmittedTeachers.CreateTriggers);
            migrationBuilder.Sql(SubmittedTeachers.Recount);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_NotApplied",
                table: "AspNetUsers",
                columns: new[] { "MunicipalityId", "LastName", "FirstName", "MiddleName", "Id" },
                filter: "NOT \"HasSubmittedApplication\"");
            // Outside the migration's transaction: the accounts' versions from before the count are still in the new
            // index (its build keeps what other transactions may see), 1,500 entries a municipality for its few dozen,
            // each visited in the table, until the table is vacuumed.
            migrationBuilder.Sql("""VACUUM (ANALYZE) "AspNetUsers";""", suppressTransaction: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_NotApplied",
                table: "AspNetUsers");

            migrationBuilder.Sql($"""DROP TRIGGER "{SubmittedTeachers.UpdateTrigger}" ON "Applications";""");
            migrationBuilder.Sql($"""DROP TRIGGER "{SubmittedTeachers.InsertOrDeleteTrigger}" ON "Applications";""");
            migrationBuilder.Sql($"DROP FUNCTION {SubmittedTeachers.Function}();");

            migrationBuilder.DropColumn(
                name: "HasSubmittedApplication",
                table: "AspNetUsers");
        }
    }
}
