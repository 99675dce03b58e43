using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Attestation.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class SchoolCabinetInvitationsAndDuties : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Invitations_OrganisationId",
                table: "Invitations");

            migrationBuilder.AddColumn<string>(
                name: "FirstName",
                table: "Invitations",
                type: "character varying(60)",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LastName",
                table: "Invitations",
                type: "character varying(60)",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MiddleName",
                table: "Invitations",
                type: "character varying(60)",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PositionId",
                table: "Invitations",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SubjectId",
                table: "Invitations",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SchoolDutyTicks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<int>(type: "integer", nullable: false),
                    SchoolYearStart = table.Column<int>(type: "integer", nullable: false),
                    Duty = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    TickedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    TickedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SchoolDutyTicks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SchoolDutyTicks_AspNetUsers_TickedBy",
                        column: x => x.TickedBy,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SchoolDutyTicks_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Invitations_OrganisationId_CreatedAt",
                table: "Invitations",
                columns: new[] { "OrganisationId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Invitations_PositionId",
                table: "Invitations",
                column: "PositionId");

            migrationBuilder.CreateIndex(
                name: "IX_Invitations_SubjectId",
                table: "Invitations",
                column: "SubjectId");

            migrationBuilder.CreateIndex(
                name: "IX_SchoolDutyTicks_OrganisationId_SchoolYearStart_Duty",
                table: "SchoolDutyTicks",
                columns: new[] { "OrganisationId", "SchoolYearStart", "Duty" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SchoolDutyTicks_TickedBy",
                table: "SchoolDutyTicks",
                column: "TickedBy");

            migrationBuilder.AddForeignKey(
                name: "FK_Invitations_Positions_PositionId",
                table: "Invitations",
                column: "PositionId",
                principalTable: "Positions",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Invitations_Subjects_SubjectId",
                table: "Invitations",
                column: "SubjectId",
                principalTable: "Subjects",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Invitations_Positions_PositionId",
                table: "Invitations");

            migrationBuilder.DropForeignKey(
                name: "FK_Invitations_Subjects_SubjectId",
                table: "Invitations");

            migrationBuilder.DropTable(
                name: "SchoolDutyTicks");

            migrationBuilder.DropIndex(
                name: "IX_Invitations_OrganisationId_CreatedAt",
                table: "Invitations");

            migrationBuilder.DropIndex(
                name: "IX_Invitations_PositionId",
                table: "Invitations");

            migrationBuilder.DropIndex(
                name: "IX_Invitations_SubjectId",
                table: "Invitations");

            migrationBuilder.DropColumn(
                name: "FirstName",
                table: "Invitations");

            migrationBuilder.DropColumn(
                name: "LastName",
                table: "Invitations");

            migrationBuilder.DropColumn(
                name: "MiddleName",
                table: "Invitations");

            migrationBuilder.DropColumn(
                name: "PositionId",
                table: "Invitations");

            migrationBuilder.DropColumn(
                name: "SubjectId",
                table: "Invitations");

            migrationBuilder.CreateIndex(
                name: "IX_Invitations_OrganisationId",
                table: "Invitations",
                column: "OrganisationId");
        }
    }
}
