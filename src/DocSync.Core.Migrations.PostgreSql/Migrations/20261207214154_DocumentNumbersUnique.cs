using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DocSync.Core.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class DocumentNumbersUnique : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "NumberKey",
                table: "Documents",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            // Live documents keep their number as key; of numbers already used twice in a company and
            // type, the oldest keeps it and the later ones stay without a key until renumbered.
            migrationBuilder.Sql("""
                UPDATE "Documents" SET "NumberKey" = "Number"
                WHERE "DeletedAt" IS NULL AND NOT EXISTS (
                    SELECT 1 FROM "Documents" AS o
                    WHERE o."CompanyId" = "Documents"."CompanyId" AND o."Type" = "Documents"."Type"
                      AND o."Number" = "Documents"."Number" AND o."DeletedAt" IS NULL
                      AND (o."CreatedAt" < "Documents"."CreatedAt" OR (o."CreatedAt" = "Documents"."CreatedAt" AND o."Id" < "Documents"."Id")));
                """);

            migrationBuilder.CreateIndex(
                name: "IX_Documents_CompanyId_Type_NumberKey",
                table: "Documents",
                columns: new[] { "CompanyId", "Type", "NumberKey" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Documents_CompanyId_Type_NumberKey",
                table: "Documents");

            migrationBuilder.DropColumn(
                name: "NumberKey",
                table: "Documents");
        }
    }
}
