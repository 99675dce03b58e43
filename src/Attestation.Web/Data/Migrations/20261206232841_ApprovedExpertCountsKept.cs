using System;
using Attestation.Web.Data.ReadModel;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Attestation.Web.Data.Migrations
{
    /// <summary>
    /// The size of each school year's list of approved experts by municipality, kept by statement triggers on the
    /// entries (<see cref="ApprovedExpertCount"/>) and counted once here from the entries there are.
    /// </summary>
    public partial class ApprovedExpertCountsKept : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ApprovedExpertCounts",
                columns: table => new
                {
                    ListId = table.Column<Guid>(type: "uuid", nullable: false),
                    MunicipalityId = table.Column<int>(type: "integer", nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApprovedExpertCounts", x => new { x.ListId, x.MunicipalityId });
                });

            migrationBuilder.Sql(ApprovedExpertCount.CreateFunctions);
            migrationBuilder.Sql(ApprovedExpertCount.CreateTriggers);
            migrationBuilder.Sql(ApprovedExpertCount.Recount);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(ApprovedExpertCount.DropTriggers);
            migrationBuilder.DropTable(
                name: "ApprovedExpertCounts");
        }
    }
}
