using System;
using Attestation.Web.Data.ReadModel;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Attestation.Web.Data.Migrations
{
    /// <summary>
    /// The applications of each period and municipality with and without both experts, and those of each municipality
    /// waiting for a period, kept by triggers on the applications (<see cref="PeriodScheduleCount"/>,
    /// <see cref="AwaitingPeriodCount"/>) and counted once here from the applications there are.
    /// </summary>
    public partial class ScheduleCountsKept : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AwaitingPeriodCounts",
                columns: table => new
                {
                    MunicipalityId = table.Column<int>(type: "integer", nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AwaitingPeriodCounts", x => x.MunicipalityId);
                });

            migrationBuilder.CreateTable(
                name: "PeriodScheduleCounts",
                columns: table => new
                {
                    PeriodId = table.Column<Guid>(type: "uuid", nullable: false),
                    MunicipalityId = table.Column<int>(type: "integer", nullable: false),
                    Complete = table.Column<int>(type: "integer", nullable: false),
                    Incomplete = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PeriodScheduleCounts", x => new { x.PeriodId, x.MunicipalityId });
                });

            migrationBuilder.Sql(PeriodScheduleCount.CreateFunction);
            migrationBuilder.Sql(PeriodScheduleCount.CreateTriggers);
            migrationBuilder.Sql(PeriodScheduleCount.Recount);
            migrationBuilder.Sql(AwaitingPeriodCount.CreateFunction);
            migrationBuilder.Sql(AwaitingPeriodCount.CreateTriggers);
            migrationBuilder.Sql(AwaitingPeriodCount.Recount);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(PeriodScheduleCount.DropTriggers);
            migrationBuilder.Sql(AwaitingPeriodCount.DropTriggers);
            migrationBuilder.DropTable(
                name: "AwaitingPeriodCounts");

            migrationBuilder.DropTable(
                name: "PeriodScheduleCounts");
        }
    }
}
