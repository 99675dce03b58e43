using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Attestation.Web.Data.Migrations
{
    /// <summary>
    /// Statistics of the folded names searched in the applications, three times finer than the default. A name search
    /// («иван») has no prefix for the planner to estimate it from, so PostgreSQL matches it against the histogram of the
    /// trigram index's expression, and with a hundred bounds none held it: it expected 200 of a country's applications
    /// where there are 15,600, read them all through the trigram index and sorted them (100 ms), when walking the
    /// submissions from the latest finds the page's fifty in 7,700 rows (28 ms). With 300 bounds it expects 19,800 and
    /// walks; a rare name, in no bound, is still expected rare and found through the index. Planning stays under 2 ms
    /// (with 1,000 bounds it took 7 ms, each bound compared to the pattern).
    /// </summary>
    public partial class NameSearchStatistics : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""ALTER INDEX "IX_Applications_FoldedName" ALTER COLUMN 1 SET STATISTICS 300;""");
            migrationBuilder.Sql("""ANALYZE "Applications";""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""ALTER INDEX "IX_Applications_FoldedName" ALTER COLUMN 1 SET STATISTICS -1;""");
        }
    }
}
