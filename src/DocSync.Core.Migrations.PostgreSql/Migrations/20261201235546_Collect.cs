using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace DocSync.Core.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class Collect : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DuplicateKey",
                table: "InboxItems",
                type: "character varying(240)",
                maxLength: 240,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "DuplicateOfDocumentId",
                table: "InboxItems",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "DuplicateOfItemId",
                table: "InboxItems",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FieldsJson",
                table: "InboxItems",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Language",
                table: "InboxItems",
                type: "character varying(8)",
                maxLength: 8,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReadMethod",
                table: "InboxItems",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReadProblem",
                table: "InboxItems",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReadState",
                table: "InboxItems",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "NotRead");

            migrationBuilder.AddColumn<string>(
                name: "SearchKey",
                table: "InboxItems",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Text",
                table: "InboxItems",
                type: "text",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CollectionChannels",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CompanyId = table.Column<Guid>(type: "uuid", nullable: false),
                    ConnectionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SourcePath = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: false),
                    SourceFolderId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    DestinationPersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    BinderId = table.Column<Guid>(type: "uuid", nullable: true),
                    Schedule = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    TimeZone = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    NearRealTime = table.Column<bool>(type: "boolean", nullable: false),
                    AfterCollect = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CollectChangedContent = table.Column<bool>(type: "boolean", nullable: false),
                    Enabled = table.Column<bool>(type: "boolean", nullable: false),
                    Problem = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ProblemCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Cursor = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    NextRunAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RecheckAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastRunAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LeaseOwner = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    LeaseUntil = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CollectionChannels", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CollectionChannels_Binders_BinderId",
                        column: x => x.BinderId,
                        principalTable: "Binders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CollectionChannels_Companies_CompanyId",
                        column: x => x.CompanyId,
                        principalTable: "Companies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CollectionChannels_DropboxConnections_ConnectionId",
                        column: x => x.ConnectionId,
                        principalTable: "DropboxConnections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CollectedFiles",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CompanyId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChannelId = table.Column<Guid>(type: "uuid", nullable: false),
                    DropboxFileId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    ContentHash = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Rev = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Path = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Reason = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Detail = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    InboxItemId = table.Column<Guid>(type: "uuid", nullable: true),
                    Items = table.Column<int>(type: "integer", nullable: false),
                    AfterActionDone = table.Column<bool>(type: "boolean", nullable: false),
                    FirstSeenAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CollectedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CollectedFiles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CollectedFiles_CollectionChannels_ChannelId",
                        column: x => x.ChannelId,
                        principalTable: "CollectionChannels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CollectedFiles_Companies_CompanyId",
                        column: x => x.CompanyId,
                        principalTable: "Companies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CollectionRuns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CompanyId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChannelId = table.Column<Guid>(type: "uuid", nullable: false),
                    Trigger = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    StartedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    EndedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Outcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Problem = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ProblemCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Seen = table.Column<int>(type: "integer", nullable: false),
                    Collected = table.Column<int>(type: "integer", nullable: false),
                    Skipped = table.Column<int>(type: "integer", nullable: false),
                    Failed = table.Column<int>(type: "integer", nullable: false),
                    Waiting = table.Column<int>(type: "integer", nullable: false),
                    Known = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CollectionRuns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CollectionRuns_CollectionChannels_ChannelId",
                        column: x => x.ChannelId,
                        principalTable: "CollectionChannels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CollectionRuns_Companies_CompanyId",
                        column: x => x.CompanyId,
                        principalTable: "Companies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CollectionRunFiles",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CompanyId = table.Column<Guid>(type: "uuid", nullable: false),
                    RunId = table.Column<Guid>(type: "uuid", nullable: false),
                    Path = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: false),
                    DropboxFileId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Result = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Reason = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Detail = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    InboxItemId = table.Column<Guid>(type: "uuid", nullable: true),
                    Items = table.Column<int>(type: "integer", nullable: false),
                    DownloadMs = table.Column<int>(type: "integer", nullable: false),
                    ReadMs = table.Column<int>(type: "integer", nullable: false),
                    StoreMs = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CollectionRunFiles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CollectionRunFiles_CollectionRuns_RunId",
                        column: x => x.RunId,
                        principalTable: "CollectionRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CollectionRunFiles_Companies_CompanyId",
                        column: x => x.CompanyId,
                        principalTable: "Companies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_InboxItems_CompanyId_DuplicateKey",
                table: "InboxItems",
                columns: new[] { "CompanyId", "DuplicateKey" });

            migrationBuilder.CreateIndex(
                name: "IX_CollectedFiles_ChannelId_ContentHash",
                table: "CollectedFiles",
                columns: new[] { "ChannelId", "ContentHash" });

            migrationBuilder.CreateIndex(
                name: "IX_CollectedFiles_ChannelId_DropboxFileId_ContentHash",
                table: "CollectedFiles",
                columns: new[] { "ChannelId", "DropboxFileId", "ContentHash" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CollectedFiles_ChannelId_Status",
                table: "CollectedFiles",
                columns: new[] { "ChannelId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_CollectedFiles_CompanyId",
                table: "CollectedFiles",
                column: "CompanyId");

            migrationBuilder.CreateIndex(
                name: "IX_CollectionChannels_BinderId",
                table: "CollectionChannels",
                column: "BinderId");

            migrationBuilder.CreateIndex(
                name: "IX_CollectionChannels_CompanyId_Name",
                table: "CollectionChannels",
                columns: new[] { "CompanyId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CollectionChannels_ConnectionId",
                table: "CollectionChannels",
                column: "ConnectionId");

            migrationBuilder.CreateIndex(
                name: "IX_CollectionChannels_Enabled_NextRunAt",
                table: "CollectionChannels",
                columns: new[] { "Enabled", "NextRunAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CollectionRunFiles_CompanyId",
                table: "CollectionRunFiles",
                column: "CompanyId");

            migrationBuilder.CreateIndex(
                name: "IX_CollectionRunFiles_RunId_Id",
                table: "CollectionRunFiles",
                columns: new[] { "RunId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_CollectionRuns_ChannelId_StartedAt",
                table: "CollectionRuns",
                columns: new[] { "ChannelId", "StartedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CollectionRuns_CompanyId_StartedAt",
                table: "CollectionRuns",
                columns: new[] { "CompanyId", "StartedAt" });

            // Items that arrived before reading existed are still found by their file name.
            migrationBuilder.Sql("UPDATE \"InboxItems\" SET \"SearchKey\" = lower(\"FileName\");");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CollectedFiles");

            migrationBuilder.DropTable(
                name: "CollectionRunFiles");

            migrationBuilder.DropTable(
                name: "CollectionRuns");

            migrationBuilder.DropTable(
                name: "CollectionChannels");

            migrationBuilder.DropIndex(
                name: "IX_InboxItems_CompanyId_DuplicateKey",
                table: "InboxItems");

            migrationBuilder.DropColumn(
                name: "DuplicateKey",
                table: "InboxItems");

            migrationBuilder.DropColumn(
                name: "DuplicateOfDocumentId",
                table: "InboxItems");

            migrationBuilder.DropColumn(
                name: "DuplicateOfItemId",
                table: "InboxItems");

            migrationBuilder.DropColumn(
                name: "FieldsJson",
                table: "InboxItems");

            migrationBuilder.DropColumn(
                name: "Language",
                table: "InboxItems");

            migrationBuilder.DropColumn(
                name: "ReadMethod",
                table: "InboxItems");

            migrationBuilder.DropColumn(
                name: "ReadProblem",
                table: "InboxItems");

            migrationBuilder.DropColumn(
                name: "ReadState",
                table: "InboxItems");

            migrationBuilder.DropColumn(
                name: "SearchKey",
                table: "InboxItems");

            migrationBuilder.DropColumn(
                name: "Text",
                table: "InboxItems");
        }
    }
}
