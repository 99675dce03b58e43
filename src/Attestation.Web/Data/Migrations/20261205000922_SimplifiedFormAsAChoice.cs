using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Attestation.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class SimplifiedFormAsAChoice : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The grounds used to be free text, and a typed «нет», «-» or «не имею» made an application simplified
            // (out of the schedule, in no list). Such answers meant «на общих основаниях»: they become exactly that,
            // so a registered one shows up in «Заполнение графика». Real grounds stay as the teacher wrote them.
            migrationBuilder.Sql("""
                UPDATE "Applications" SET "SimplifiedGrounds" = NULL
                WHERE "SimplifiedGrounds" IS NOT NULL
                  AND (length(btrim("SimplifiedGrounds", E' \t\r\n.-–—')) < 3
                       OR lower(btrim("SimplifiedGrounds", E' \t\r\n.!')) ~ '^(нет|не имею|не имеется|отсутству(ют|ет)|без оснований|оснований нет|нет оснований|не требуется|не предусмотрено|общие основания|на общих основаниях)$');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
