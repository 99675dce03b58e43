using System;
using Attestation.Web.Data.ReadModel;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Attestation.Web.Data.Migrations
{
    /// <summary>
    /// The applications of each period and municipality at each stage of the conclusion, kept by triggers on the
    /// applications (<see cref="ConclusionStageCount"/>) and counted once here from the applications there are.
    /// </summary>
    public partial class ConclusionStageCountsKept : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ConclusionStageCounts",
                columns: table => new
                {
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    PeriodId = table.Column<Guid>(type: "uuid", nullable: false),
                    MunicipalityId = table.Column<int>(type: "integer", nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConclusionStageCounts", x => new { x.Status, x.PeriodId, x.MunicipalityId });
                });

            migrationBuilder.Sql(ConclusionStageCount.CreateFunction);
            migrationBuilder.Sql(ConclusionStageCount.CreateTriggers);
            migrationBuilder.Sql(ConclusionStageCount.Recount);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(ConclusionStageCount.DropTriggers);
            migrationBuilder.DropTable(
                name: "ConclusionStageCounts");
        }
    }
}
