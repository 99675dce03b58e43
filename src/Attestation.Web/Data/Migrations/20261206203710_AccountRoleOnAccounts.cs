using System;
using Attestation.Web.Data.ReadModel;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Attestation.Web.Data.Migrations
{
    /// <summary>
    /// The person's role on the account, kept by a trigger on Identity's roles (<see cref="AccountRoles"/>), with the
    /// indexes of the people of a role by municipality, by organisation and by themselves, in the order of the names:
    /// the lists of one role's people read them from these instead of looking up each person's role (a coordinator's
    /// experts and school coordinators among the municipality's 1,500 people, a school's teachers). The accounts are
    /// set once here, and the table vacuumed so that the new indexes are read alone.
    /// </summary>
    public partial class AccountRoleOnAccounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "RoleId",
                table: "AspNetUsers",
                type: "uuid",
                nullable: true);

            migrationBuilder.Sql(AccountRoles.CreateFunction);
            migrationBuilder.Sql(AccountRoles.CreateTrigger);
            migrationBuilder.Sql(AccountRoles.Recount);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_MunicipalityId_RoleId_Name",
                table: "AspNetUsers",
                columns: new[] { "MunicipalityId", "RoleId", "LastName", "FirstName", "MiddleName", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_OrganisationId_RoleId_Name",
                table: "AspNetUsers",
                columns: new[] { "OrganisationId", "RoleId", "LastName", "FirstName", "MiddleName", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_RoleId_Name",
                table: "AspNetUsers",
                columns: new[] { "RoleId", "LastName", "FirstName", "MiddleName", "Id" });

            // Outside the migration's transaction (SubmittedTeachersOnAccounts says why).
            migrationBuilder.Sql("""VACUUM (ANALYZE) "AspNetUsers";""", suppressTransaction: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_MunicipalityId_RoleId_Name",
                table: "AspNetUsers");

            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_OrganisationId_RoleId_Name",
                table: "AspNetUsers");

            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_RoleId_Name",
                table: "AspNetUsers");

            migrationBuilder.Sql($"""DROP TRIGGER "{AccountRoles.Trigger}" ON "AspNetUserRoles";""");
            migrationBuilder.Sql($"DROP FUNCTION {AccountRoles.Function}();");

            migrationBuilder.DropColumn(
                name: "RoleId",
                table: "AspNetUsers");
        }
    }
}
