using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DocSync.Core.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class FilesTrash : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_FolderFiles_FolderId_FileName",
                table: "FolderFiles");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "DeletedAt",
                table: "Folders",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "TrashGroupId",
                table: "Folders",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Folders",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AlterColumn<Guid>(
                name: "FolderId",
                table: "FolderFiles",
                type: "uuid",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "uuid");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "DeletedAt",
                table: "FolderFiles",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NameKey",
                table: "FolderFiles",
                type: "character varying(255)",
                maxLength: 255,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<Guid>(
                name: "TrashGroupId",
                table: "FolderFiles",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "FolderFiles",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // Added by hand: files kept from before get their folded name (the unique index below needs it) and a first version.
            migrationBuilder.Sql("UPDATE \"FolderFiles\" SET \"NameKey\" = lower(\"FileName\"), \"Version\" = 1;");
            migrationBuilder.Sql("UPDATE \"Folders\" SET \"Version\" = 1;");

            migrationBuilder.CreateIndex(
                name: "IX_Folders_CompanyId_TrashGroupId",
                table: "Folders",
                columns: new[] { "CompanyId", "TrashGroupId" });

            migrationBuilder.CreateIndex(
                name: "IX_Folders_DeletedAt",
                table: "Folders",
                column: "DeletedAt");

            migrationBuilder.CreateIndex(
                name: "IX_FolderFiles_CompanyId_TrashGroupId",
                table: "FolderFiles",
                columns: new[] { "CompanyId", "TrashGroupId" });

            migrationBuilder.CreateIndex(
                name: "IX_FolderFiles_DeletedAt",
                table: "FolderFiles",
                column: "DeletedAt");

            migrationBuilder.CreateIndex(
                name: "IX_FolderFiles_FolderId_NameKey",
                table: "FolderFiles",
                columns: new[] { "FolderId", "NameKey" },
                unique: true,
                filter: "\"DeletedAt\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Folders_CompanyId_TrashGroupId",
                table: "Folders");

            migrationBuilder.DropIndex(
                name: "IX_Folders_DeletedAt",
                table: "Folders");

            migrationBuilder.DropIndex(
                name: "IX_FolderFiles_CompanyId_TrashGroupId",
                table: "FolderFiles");

            migrationBuilder.DropIndex(
                name: "IX_FolderFiles_DeletedAt",
                table: "FolderFiles");

            migrationBuilder.DropIndex(
                name: "IX_FolderFiles_FolderId_NameKey",
                table: "FolderFiles");

            migrationBuilder.DropColumn(
                name: "DeletedAt",
                table: "Folders");

            migrationBuilder.DropColumn(
                name: "TrashGroupId",
                table: "Folders");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Folders");

            migrationBuilder.DropColumn(
                name: "DeletedAt",
                table: "FolderFiles");

            migrationBuilder.DropColumn(
                name: "NameKey",
                table: "FolderFiles");

            migrationBuilder.DropColumn(
                name: "TrashGroupId",
                table: "FolderFiles");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "FolderFiles");

            migrationBuilder.AlterColumn<Guid>(
                name: "FolderId",
                table: "FolderFiles",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "uuid",
                oldNullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_FolderFiles_FolderId_FileName",
                table: "FolderFiles",
                columns: new[] { "FolderId", "FileName" },
                unique: true);
        }
    }
}
