using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongkai.Store.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OfficeKind",
                table: "departments",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Departments",
                table: "api_tokens",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "department_merges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FromId = table.Column<long>(type: "INTEGER", nullable: false),
                    IntoId = table.Column<long>(type: "INTEGER", nullable: false),
                    FromName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
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
