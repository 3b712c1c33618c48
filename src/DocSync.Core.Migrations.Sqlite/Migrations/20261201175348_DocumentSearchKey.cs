using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DocSync.Core.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DocumentSearchKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SearchKey",
                table: "Documents",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            // Documents saved before this column existed: an approximate key (the application
            // writes the exact, accent-folded one on the next change of each document).
            migrationBuilder.Sql("UPDATE \"Documents\" SET \"SearchKey\" = lower(\"Number\" || ' ' || \"SellerName\" || ' ' || coalesce(\"BuyerName\", ''))");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SearchKey",
                table: "Documents");
        }
    }
}
