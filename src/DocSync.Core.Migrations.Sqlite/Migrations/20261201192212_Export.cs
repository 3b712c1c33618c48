using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DocSync.Core.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Export : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "DeletedAt",
                table: "Documents",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ConnectionActivities",
                columns: table => new
                {
                    ConnectionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CompanyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LastSuccessAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastRunAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ProblemCode = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    Problem = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ProblemAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LeaseOwner = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    LeaseUntil = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConnectionActivities", x => x.ConnectionId);
                    table.ForeignKey(
                        name: "FK_ConnectionActivities_Companies_CompanyId",
                        column: x => x.CompanyId,
                        principalTable: "Companies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ConnectionActivities_DropboxConnections_ConnectionId",
                        column: x => x.ConnectionId,
                        principalTable: "DropboxConnections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ExportProfiles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CompanyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConnectionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DocumentTypes = table.Column<int>(type: "INTEGER", nullable: false),
                    PathTemplate = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Folder = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    IncludeUbl = table.Column<bool>(type: "INTEGER", nullable: false),
                    IncludeAttachments = table.Column<bool>(type: "INTEGER", nullable: false),
                    DeleteInDropbox = table.Column<bool>(type: "INTEGER", nullable: false),
                    Enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    LogRetentionDays = table.Column<int>(type: "INTEGER", nullable: false),
                    BackfillStartedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    BackfillTotal = table.Column<int>(type: "INTEGER", nullable: false),
                    BackfillCompletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExportProfiles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExportProfiles_Companies_CompanyId",
                        column: x => x.CompanyId,
                        principalTable: "Companies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ExportProfiles_DropboxConnections_ConnectionId",
                        column: x => x.ConnectionId,
                        principalTable: "DropboxConnections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SyncLog",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CompanyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConnectionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProfileId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DocumentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Action = table.Column<int>(type: "INTEGER", nullable: false),
                    Outcome = table.Column<int>(type: "INTEGER", nullable: false),
                    Path = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: true),
                    Rev = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SyncLog", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SyncLog_Companies_CompanyId",
                        column: x => x.CompanyId,
                        principalTable: "Companies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ExportedFiles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CompanyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProfileId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DocumentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Slot = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Path = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: false),
                    PathKey = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: false),
                    DropboxId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Rev = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ContentHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SourceSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DocumentVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    Length = table.Column<long>(type: "INTEGER", nullable: false),
                    ExportedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExportedFiles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExportedFiles_Companies_CompanyId",
                        column: x => x.CompanyId,
                        principalTable: "Companies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ExportedFiles_Documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "Documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ExportedFiles_ExportProfiles_ProfileId",
                        column: x => x.ProfileId,
                        principalTable: "ExportProfiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SyncTasks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CompanyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConnectionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProfileId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DocumentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Priority = table.Column<int>(type: "INTEGER", nullable: false),
                    Generation = table.Column<int>(type: "INTEGER", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DeadAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastErrorCode = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    LeaseOwner = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    LeaseUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SyncTasks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SyncTasks_Companies_CompanyId",
                        column: x => x.CompanyId,
                        principalTable: "Companies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SyncTasks_ExportProfiles_ProfileId",
                        column: x => x.ProfileId,
                        principalTable: "ExportProfiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ConnectionActivities_CompanyId",
                table: "ConnectionActivities",
                column: "CompanyId");

            migrationBuilder.CreateIndex(
                name: "IX_ExportedFiles_CompanyId",
                table: "ExportedFiles",
                column: "CompanyId");

            migrationBuilder.CreateIndex(
                name: "IX_ExportedFiles_DocumentId",
                table: "ExportedFiles",
                column: "DocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_ExportedFiles_ProfileId_DocumentId_Slot",
                table: "ExportedFiles",
                columns: new[] { "ProfileId", "DocumentId", "Slot" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ExportedFiles_ProfileId_PathKey",
                table: "ExportedFiles",
                columns: new[] { "ProfileId", "PathKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ExportProfiles_CompanyId",
                table: "ExportProfiles",
                column: "CompanyId");

            migrationBuilder.CreateIndex(
                name: "IX_ExportProfiles_ConnectionId_Name",
                table: "ExportProfiles",
                columns: new[] { "ConnectionId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SyncLog_CompanyId",
                table: "SyncLog",
                column: "CompanyId");

            migrationBuilder.CreateIndex(
                name: "IX_SyncLog_ConnectionId_Id",
                table: "SyncLog",
                columns: new[] { "ConnectionId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_SyncLog_ProfileId_At",
                table: "SyncLog",
                columns: new[] { "ProfileId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_SyncTasks_CompanyId",
                table: "SyncTasks",
                column: "CompanyId");

            migrationBuilder.CreateIndex(
                name: "IX_SyncTasks_ConnectionId_DeadAt_Priority_NextAttemptAt",
                table: "SyncTasks",
                columns: new[] { "ConnectionId", "DeadAt", "Priority", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SyncTasks_ProfileId_DocumentId",
                table: "SyncTasks",
                columns: new[] { "ProfileId", "DocumentId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ConnectionActivities");

            migrationBuilder.DropTable(
                name: "ExportedFiles");

            migrationBuilder.DropTable(
                name: "SyncLog");

            migrationBuilder.DropTable(
                name: "SyncTasks");

            migrationBuilder.DropTable(
                name: "ExportProfiles");

            migrationBuilder.DropColumn(
                name: "DeletedAt",
                table: "Documents");
        }
    }
}
