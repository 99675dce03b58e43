using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Attestation.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ConclusionHistoryFile : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "FileId",
                table: "ApplicationEvents",
                type: "uuid",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "FileId",
                table: "ApplicationEvents");
        }
    }
}
