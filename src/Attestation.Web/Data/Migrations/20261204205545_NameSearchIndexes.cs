using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Attestation.Web.Data.Migrations
{
    /// <summary>
    /// Trigram indexes of the folded full names («Фамилия Имя Отчество», «ё» as «е») the list searches compare against
    /// (ApplicationRows.WhoseNameContains, PersonRows.WhoseNameContains, PersonSearch): a part of a name is found in the
    /// country's two million applications without reading them. The expressions are exactly the ones EF Core writes for
    /// those searches, so the planner matches them; and of the logins and addresses «Пользователи» also searches.
    /// </summary>
    public partial class NameSearchIndexes : Migration
    {
        private const string Folded =
            """(replace(replace(((("LastName" || ' ') || "FirstName") || ' ') || COALESCE("MiddleName", ''), 'ё', 'е'), 'Ё', 'Е'))""";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($"""CREATE INDEX "IX_Applications_FoldedName" ON "Applications" USING gin ({Folded} gin_trgm_ops);""");
            migrationBuilder.Sql($"""CREATE INDEX "IX_AspNetUsers_FoldedName" ON "AspNetUsers" USING gin ({Folded} gin_trgm_ops);""");
            // «Пользователи» also finds a part of the login or of the address (PersonSearch): the three ORed conditions
            // are a bitmap OR of three indexes instead of a scan of every account.
            migrationBuilder.Sql("""CREATE INDEX "IX_AspNetUsers_UserName_Trigrams" ON "AspNetUsers" USING gin ("UserName" gin_trgm_ops);""");
            migrationBuilder.Sql("""CREATE INDEX "IX_AspNetUsers_Email_Trigrams" ON "AspNetUsers" USING gin ("Email" gin_trgm_ops);""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX "IX_Applications_FoldedName";""");
            migrationBuilder.Sql("""DROP INDEX "IX_AspNetUsers_FoldedName";""");
            migrationBuilder.Sql("""DROP INDEX "IX_AspNetUsers_UserName_Trigrams";""");
            migrationBuilder.Sql("""DROP INDEX "IX_AspNetUsers_Email_Trigrams";""");
        }
    }
}
