using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Gongkai.Store.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ScopesMergesOfficeKinds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Departments",
                table: "users",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OfficeKind",
                table: "departments",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Departments",
                table: "api_tokens",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "department_merges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FromId = table.Column<long>(type: "bigint", nullable: false),
                    IntoId = table.Column<long>(type: "bigint", nullable: false),
                    FromName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    By = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_department_merges", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_departments_OfficeKind",
                table: "departments",
                column: "OfficeKind");

            migrationBuilder.CreateIndex(
                name: "IX_departments_Type",
                table: "departments",
                column: "Type");

            migrationBuilder.CreateIndex(
                name: "IX_department_merges_IntoId",
                table: "department_merges",
                column: "IntoId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "department_merges");

            migrationBuilder.DropIndex(
                name: "IX_departments_OfficeKind",
                table: "departments");

            migrationBuilder.DropIndex(
                name: "IX_departments_Type",
                table: "departments");

            migrationBuilder.DropColumn(
                name: "Departments",
                table: "users");

            migrationBuilder.DropColumn(
                name: "OfficeKind",
                table: "departments");

            migrationBuilder.DropColumn(
                name: "Departments",
                table: "api_tokens");
        }
    }
}
