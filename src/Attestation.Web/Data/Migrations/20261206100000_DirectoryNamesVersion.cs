using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Attestation.Web.Data.Migrations
{
    /// <summary>
    /// The version of the directories' names (<c>DirectoryVersions</c>, one row), raised by PostgreSQL in the same
    /// transaction as any statement that inserts, updates, deletes or truncates municipalities, organisations, positions
    /// or subjects, whoever runs it. Each signed-in request reads it with its account's check and shows the names an
    /// instance holds for that version (DirectoryNameSnapshot) instead of looking them up for every row.
    /// </summary>
    public partial class DirectoryNamesVersion : Migration
    {
        private static readonly string[] Directories = ["Municipalities", "Organisations", "Positions", "Subjects"];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DirectoryVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DirectoryVersions", x => x.Id);
                });
            migrationBuilder.Sql("""INSERT INTO "DirectoryVersions" ("Id", "Version") VALUES (1, 1);""");
            migrationBuilder.Sql("""
                CREATE FUNCTION directory_names_changed() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    UPDATE "DirectoryVersions" SET "Version" = "Version" + 1 WHERE "Id" = 1;
                    RETURN NULL;
                END
                $$;
                """);
            foreach (var table in Directories)
            {
                migrationBuilder.Sql($"""
                    CREATE TRIGGER "{table}_NamesChanged" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "{table}"
                        FOR EACH STATEMENT EXECUTE FUNCTION directory_names_changed();
                    """);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in Directories)
                migrationBuilder.Sql($"""DROP TRIGGER "{table}_NamesChanged" ON "{table}";""");
            migrationBuilder.Sql("DROP FUNCTION directory_names_changed();");
            migrationBuilder.DropTable(name: "DirectoryVersions");
        }
    }
}
