using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DocSync.Core.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SyncKernelLoops : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "LeaseOwner",
                table: "SyncTasks");

            migrationBuilder.DropColumn(
                name: "LeaseUntil",
                table: "SyncTasks");

            migrationBuilder.DropColumn(
                name: "LeaseOwner",
                table: "ConnectionActivities");

            migrationBuilder.DropColumn(
                name: "LeaseUntil",
                table: "ConnectionActivities");

            migrationBuilder.DropColumn(
                name: "LeaseOwner",
                table: "CollectionChannels");

            migrationBuilder.DropColumn(
                name: "LeaseUntil",
                table: "CollectionChannels");

            migrationBuilder.AddColumn<long>(
                name: "NextAttemptAt",
                table: "CollectedFiles",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SyncLoops",
                columns: table => new
                {
                    Engine = table.Column<int>(type: "INTEGER", nullable: false),
                    Key = table.Column<Guid>(type: "TEXT", nullable: false),
                    CompanyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConnectionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    StateSince = table.Column<long>(type: "INTEGER", nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    LeaseOwner = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    LeaseUntil = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SyncLoops", x => new { x.Engine, x.Key });
                    table.ForeignKey(
                        name: "FK_SyncLoops_Companies_CompanyId",
                        column: x => x.CompanyId,
                        principalTable: "Companies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SyncLoops_DropboxConnections_ConnectionId",
                        column: x => x.ConnectionId,
                        principalTable: "DropboxConnections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SyncLoops_CompanyId",
                table: "SyncLoops",
                column: "CompanyId");

            migrationBuilder.CreateIndex(
                name: "IX_SyncLoops_ConnectionId",
                table: "SyncLoops",
                column: "ConnectionId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SyncLoops");

            migrationBuilder.DropColumn(
                name: "NextAttemptAt",
                table: "CollectedFiles");

            migrationBuilder.AddColumn<string>(
                name: "LeaseOwner",
                table: "SyncTasks",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "LeaseUntil",
                table: "SyncTasks",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LeaseOwner",
                table: "ConnectionActivities",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "LeaseUntil",
                table: "ConnectionActivities",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LeaseOwner",
                table: "CollectionChannels",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "LeaseUntil",
                table: "CollectionChannels",
                type: "INTEGER",
                nullable: true);
        }
    }
}
