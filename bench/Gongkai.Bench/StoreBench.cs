using System.Diagnostics;
using Gongkai.Compile;
using Gongkai.Store;
using Gongkai.Store.Entities;
using Gongkai.Tests.Compile;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Bench;

/// <summary>
/// Analysis queries on a large store: fills a fresh store with N generated documents (the compile side's random data
/// sets, built into disclosure models; their facts stored as an import stores them, without reading or auditing),
/// then times the department series and the peer comparison; prints p50 / p95 / max in milliseconds and the store
/// size per document (no original file is stored: each document has a 16-byte placeholder).
///   dotnet run -c Release --project bench/Gongkai.Bench -- store [--docs N] [--queries N] [--store FILE | --postgres CONN]
/// Departments: N / 8 (4 years × 预算/决算 each), 25 kinds of office × N / 200 districts, so every peer group has
/// N / 200 departments.
/// </summary>
public static class StoreBench
{
    private static readonly string[] Offices =
    [
        "医疗保障局", "财政局", "教育局", "卫生健康委员会", "民政局", "司法局", "审计局", "统计局", "商务局", "交通运输局",
        "水利局", "农业农村局", "文化和旅游局", "生态环境局", "住房和城乡建设局", "应急管理局", "市场监督管理局", "林业局",
        "人力资源和社会保障局", "退役军人事务局", "科学技术局", "体育局", "档案馆", "信访局", "城市管理局",
    ];

    public static int Run(List<string> argv)
    {
        int docs = 10000, queries = 300;
        string? file = null, pg = null;
        for (int i = 0; i < argv.Count; i++)
        {
            if (argv[i] == "--docs" && i + 1 < argv.Count) docs = int.Parse(argv[++i]);
            else if (argv[i] == "--queries" && i + 1 < argv.Count) queries = int.Parse(argv[++i]);
            else if (argv[i] == "--store" && i + 1 < argv.Count) file = argv[++i];
            else if (argv[i] == "--postgres" && i + 1 < argv.Count) pg = argv[++i];
            else { Console.Error.WriteLine($"无法识别的参数：{argv[i]}"); return 64; }
        }
        file ??= Path.Combine(Path.GetTempPath(), $"gongkai-bench-{Environment.ProcessId}.db");
        if (pg is null && File.Exists(file)) { Console.Error.WriteLine($"{file} 已存在；请给出新文件。"); return 64; }
        var store = new GongkaiStore(pg is null ? StoreConnection.Sqlite(file) : StoreConnection.Postgres(pg));
        store.Migrate();
        using (var db = store.Db())
            if (db.Documents.Any()) { Console.Error.WriteLine("数据库不是空的；请使用新数据库。"); return 64; }

        Console.WriteLine($"资料库基准：{docs} 个文档，{(pg is null ? "SQLite " + file : "PostgreSQL")}，.NET {Environment.Version}，{Environment.ProcessorCount} 核");
        var sw = Stopwatch.StartNew();
        // a pool of generated disclosures per (kind, year); each department takes one, its figures scaled
        var years = new[] { 2022, 2023, 2024, 2025 };
        var pool = new Dictionary<(string, int), List<List<Fact>>>();
        foreach (var k in new[] { "预算", "决算" }) foreach (var y in years) pool[(k, y)] = [];
        for (int seed = 1; pool.Values.Any(p => p.Count < 6) && seed < 5000; seed++)
        {
            var data = RandomData.Create(seed);
            var key = (data.IsFinal ? "决算" : "预算", data.Year);
            if (!pool.TryGetValue(key, out var list) || list.Count >= 6) continue;
            var package = PackageBuilder.Build(data);
            if (package.Issues.Any(x => x.Severity == IssueSeverity.Error)) continue;
            list.Add(GongkaiStore.FactsOf(package.Model));
        }
        Console.WriteLine($"生成 {pool.Values.Sum(p => p.Count)} 套随机数据：{sw.ElapsedMilliseconds} ms");

        sw.Restart();
        int departments = Math.Max(1, docs / 8), districts = Math.Max(1, (departments + Offices.Length - 1) / Offices.Length);
        var rng = new Random(7);
        long factCount = 0;
        int made = 0;
        for (int d0 = 0; d0 < departments; d0 += 25)
        {
            using var db = store.Db();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var batch = new List<(Department Dept, int Index)>();
            for (int d = d0; d < Math.Min(departments, d0 + 25); d++)
            {
                var name = $"示例市第{d / Offices.Length + 1}区{Offices[d % Offices.Length]}";
                var dept = new Department { Name = name, CreatedAt = DateTime.UtcNow };
                dept.Aliases.Add(new DepartmentAlias { Name = name, FirstYear = 2022, LastYear = 2025 });
                db.Departments.Add(dept);
                batch.Add((dept, d));
            }
            db.SaveChanges();
            var docsOfBatch = new List<(Document Doc, List<Fact> Facts, decimal Scale)>();
            foreach (var (dept, d) in batch)
            {
                var scale = Math.Round(0.5m + (decimal)rng.NextDouble() * 1.5m, 3);
                foreach (var y in years)
                    foreach (var k in new[] { "预算", "决算" })
                    {
                        if (made >= docs) break;
                        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(BitConverter.GetBytes((long)made + 1)));
                        db.Files.Add(new StoredFile { Sha256 = sha, Content = new byte[16], Length = 16, Format = "text", CreatedAt = DateTime.UtcNow });
                        var doc = new Document
                        {
                            Sha256 = sha, OriginalName = $"{dept.Name}{y}{k}.pdf", Status = DocumentStatus.Ready, DepartmentId = dept.Id,
                            Kind = k, Year = y, Scope = "部门", Version = 1, CreatedAt = DateTime.UtcNow, CreatedBy = "bench",
                        };
                        db.Documents.Add(doc);
                        var p = pool[(k, y)];
                        docsOfBatch.Add((doc, p[d % p.Count], scale));
                        made++;
                    }
            }
            db.SaveChanges();
            foreach (var (doc, facts, scale) in docsOfBatch)
                foreach (var f in facts)
                {
                    db.Facts.Add(new Fact
                    {
                        DocumentId = doc.Id, TableKind = f.TableKind, RowKey = f.RowKey, Code = f.Code, Label = f.Label, Measure = f.Measure,
                        ValueWanYuan = Math.Round(f.ValueWanYuan * scale, 2), Page = f.Page, Line = f.Line, Box = f.Box,
                    });
                    factCount++;
                }
            db.ChangeTracker.DetectChanges();
            db.SaveChanges();
            if (made >= docs) break;
        }
        Console.WriteLine($"写入 {made} 个文档、{departments} 个部门、{factCount} 条事实：{sw.Elapsed.TotalSeconds:0.0} s");

        var depIds = store.Departments().Select(d => d.Id).ToList();
        string[] measures = ["expenditure_total", "basic", "personnel", "three_public", "fiscal_grant", "operating_costs"];
        // warm-up
        for (int i = 0; i < 10; i++)
        {
            store.AnalysisSeries(depIds[i % depIds.Count]);
            store.Compare(2024, "预算", "expenditure_total", departmentId: depIds[i % depIds.Count]);
        }
        var series = Time(queries, i => store.AnalysisSeries(depIds[rng.Next(depIds.Count)]));
        var peers = Time(queries, i => store.Compare(years[rng.Next(4)], rng.Next(2) == 0 ? "预算" : "决算", measures[rng.Next(measures.Length)],
            departmentId: depIds[rng.Next(depIds.Count)]));
        var byType = Time(queries, i => store.Compare(years[rng.Next(4)], "预算", measures[rng.Next(measures.Length)], type: Offices[rng.Next(Offices.Length)]));
        var execution = Time(queries, i => store.Execution(depIds[rng.Next(depIds.Count)], years[rng.Next(4)]));
        var sample = store.Compare(2024, "预算", "expenditure_total", departmentId: depIds[0]);
        Console.WriteLine($"同类部门数：{sample.Count}（{sample.Group}）");
        Console.WriteLine($"{"查询",-36}{"p50 ms",10}{"p95 ms",10}{"最大 ms",10}");
        Print("部门历年指标 series", series);
        Print("同类比较 compare（指定部门）", peers);
        Print("同类比较 compare（按机构类别）", byType);
        Print("预算执行 execution", execution);

        long bytes;
        if (pg is null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            using (var db = store.Db()) db.Database.ExecuteSqlRaw("PRAGMA wal_checkpoint(TRUNCATE);");
            bytes = new FileInfo(file).Length;
        }
        else
        {
            using var db = store.Db();
            bytes = db.Database.SqlQueryRaw<long>("SELECT pg_database_size(current_database()) AS \"Value\"").AsEnumerable().First();
        }
        Console.WriteLine($"数据库大小：{bytes / 1024.0 / 1024.0:0.0} MB，每个文档 {bytes / 1024.0 / made:0.0} KB（不含原文件）");
        return 0;
    }

    private static List<double> Time(int n, Action<int> query)
    {
        var list = new List<double>(n);
        for (int i = 0; i < n; i++)
        {
            var t = Stopwatch.StartNew();
            query(i);
            list.Add(t.Elapsed.TotalMilliseconds);
        }
        list.Sort();
        return list;
    }

    private static void Print(string name, List<double> t) =>
        Console.WriteLine($"{name,-36}{t[t.Count / 2],10:0.0}{t[(int)Math.Ceiling(t.Count * 0.95) - 1],10:0.0}{t[^1],10:0.0}");
}
