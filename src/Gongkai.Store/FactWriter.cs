using System.Data.Common;
using Gongkai.Store.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Gongkai.Store;

/// <summary>
/// Writes a document's facts in bulk inside the context's current transaction: one prepared INSERT run per row on
/// SQLite, a binary COPY on PostgreSQL. A PDF has hundreds to thousands of figures; as tracked EF entities each one
/// costs change detection and a command with a returned id, which made an import markedly slower than a check.
/// </summary>
public static class FactWriter
{
    private const string Columns = "\"DocumentId\", \"TableKind\", \"RowKey\", \"Code\", \"Label\", \"Measure\", \"ValueWanYuan\", \"Page\", \"Box\", \"Line\"";

    public static void Insert(GongkaiDb db, IReadOnlyList<Fact> facts)
    {
        if (facts.Count == 0) return;
        var conn = db.Database.GetDbConnection();
        if (conn.State != System.Data.ConnectionState.Open) db.Database.OpenConnection();
        var tx = db.Database.CurrentTransaction?.GetDbTransaction();
        if (db.Provider == StoreProvider.Postgres) Copy((Npgsql.NpgsqlConnection)conn, facts);
        else Prepared(conn, tx, facts);
    }

    private static void Prepared(DbConnection conn, DbTransaction? tx, IReadOnlyList<Fact> facts)
    {
        using var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = $"INSERT INTO facts ({Columns}) VALUES ($d, $t, $r, $c, $l, $m, $v, $p, $b, $n)";
        var ps = new[] { "$d", "$t", "$r", "$c", "$l", "$m", "$v", "$p", "$b", "$n" }.Select(n =>
        {
            var p = cmd.CreateParameter();
            p.ParameterName = n;
            cmd.Parameters.Add(p);
            return p;
        }).ToArray();
        cmd.Prepare();
        foreach (var f in facts)
        {
            ps[0].Value = f.DocumentId;
            ps[1].Value = f.TableKind;
            ps[2].Value = f.RowKey;
            ps[3].Value = (object?)f.Code ?? DBNull.Value;
            ps[4].Value = f.Label;
            ps[5].Value = f.Measure;
            ps[6].Value = f.ValueWanYuan; // bound as EF binds it (the provider's decimal text)
            ps[7].Value = (object?)f.Page ?? DBNull.Value;
            ps[8].Value = (object?)f.Box ?? DBNull.Value;
            ps[9].Value = (object?)f.Line ?? DBNull.Value;
            cmd.ExecuteNonQuery();
        }
    }

    private static void Copy(Npgsql.NpgsqlConnection conn, IReadOnlyList<Fact> facts)
    {
        using var w = conn.BeginBinaryImport($"COPY facts ({Columns}) FROM STDIN (FORMAT BINARY)");
        foreach (var f in facts)
        {
            w.StartRow();
            w.Write(f.DocumentId, NpgsqlTypes.NpgsqlDbType.Bigint);
            w.Write(f.TableKind, NpgsqlTypes.NpgsqlDbType.Varchar);
            w.Write(f.RowKey, NpgsqlTypes.NpgsqlDbType.Varchar);
            if (f.Code is null) w.WriteNull(); else w.Write(f.Code, NpgsqlTypes.NpgsqlDbType.Text);
            w.Write(f.Label, NpgsqlTypes.NpgsqlDbType.Text);
            w.Write(f.Measure, NpgsqlTypes.NpgsqlDbType.Varchar);
            w.Write(f.ValueWanYuan, NpgsqlTypes.NpgsqlDbType.Numeric);
            if (f.Page is int p) w.Write(p, NpgsqlTypes.NpgsqlDbType.Integer); else w.WriteNull();
            if (f.Box is null) w.WriteNull(); else w.Write(f.Box, NpgsqlTypes.NpgsqlDbType.Text);
            if (f.Line is int l) w.Write(l, NpgsqlTypes.NpgsqlDbType.Integer); else w.WriteNull();
        }
        w.Complete();
    }
}
