using Gongkai.Model;
using System.Diagnostics;
using Gongkai.Api;
using Gongkai.Store;
using Gongkai.Store.Entities;
using Microsoft.Extensions.Hosting;

namespace Gongkai.Cli.Commands;

/// <summary>The --store FILE | --postgres CONN options shared by import, serve and token.</summary>
internal static class StoreOptions
{
    public static readonly string[][] Values = [["--store"], ["--postgres"]];

    public const string Help =
        "      --store 文件        SQLite 数据库文件（默认：用户数据目录下 gongkai/gongkai.db）\n" +
        "      --postgres 连接串   使用 PostgreSQL，例如 \"Host=db;Database=gongkai;Username=gk;Password=…\"";

    public static StoreConnection Connection(CommandLine cl)
    {
        var file = cl.Value("--store");
        var pg = cl.Value("--postgres");
        if (file is not null && pg is not null) throw new UsageException("--store 与 --postgres 只能选一个。");
        if (pg is not null) return StoreConnection.Postgres(pg);
        return StoreConnection.Sqlite(file ?? StoreConnection.DefaultSqliteFile);
    }

    /// <summary>Opens the store and applies migrations; null (with a message on stderr) when the database cannot be reached.</summary>
    public static GongkaiStore? Open(StoreConnection connection, TextWriter error, string command)
    {
        var store = new GongkaiStore(connection);
        try
        {
            store.Migrate();
            return store;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            error.WriteLine($"gongkai {command}：无法打开数据库 {connection.Describe()}（{Failures.Describe(e)}）{Failures.Details(e)}。请检查路径、连接串和权限。");
            return null;
        }
    }

    public static int Usage(TextWriter error, string command, string message, string usage)
    {
        error.WriteLine($"gongkai {command}：{message}");
        error.WriteLine($"用法：{usage}；运行 gongkai {command} --help 查看说明。");
        return ExitCodes.Usage;
    }
}

/// <summary>
/// gongkai import PATH... [--store FILE | --postgres CONN] [--jobs N]: stores files (folders recursively) in the
/// library, reads and audits each; idempotent (the same bytes are one document) and resumable after a kill.
/// </summary>
public sealed class ImportCommand : ICommand
{
    private const string UsageLine = "gongkai import 文件或目录... [--store 文件 | --postgres 连接串] [--jobs N]";

    public string Name => "import";
    public string Summary => "把公开文档导入资料库（读取、审核并保存数字和问题），可重复运行";

    public void WriteHelp(TextWriter w)
    {
        w.WriteLine("用法：" + UsageLine);
        w.WriteLine();
        w.WriteLine("把文件（目录按扩展名 pdf、docx、xlsx、html、txt、md 递归查找）存入资料库，逐个读取、审核，保存数字表和问题。");
        w.WriteLine("同一文件（内容相同）只保存一次；中断后重新运行会接着处理未完成的文件。每个文件在标准错误输出一行进度，最后给出汇总。");
        w.WriteLine();
        w.WriteLine("选项：");
        w.WriteLine(StoreOptions.Help);
        w.WriteLine("  -j, --jobs N            同时处理的文件数（默认为 CPU 核数，最多 4）");
        w.WriteLine("  -h, --help              显示本帮助");
        w.WriteLine();
        w.WriteLine("退出码：0 全部导入；2 有文件无法读取或处理失败（其余照常导入）；3 内部错误；64 用法错误。");
    }

    public int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        CommandLine cl;
        StoreConnection connection;
        int jobs;
        try
        {
            cl = CommandLine.Parse(args, [.. StoreOptions.Values, ["--jobs", "-j"]], [["--help", "-h"]]);
            if (cl.Flag("--help")) { WriteHelp(output); return ExitCodes.Ok; }
            connection = StoreOptions.Connection(cl);
            jobs = Math.Min(Environment.ProcessorCount, 4);
            if (cl.Value("--jobs") is string j && (!int.TryParse(j, out jobs) || jobs < 1 || jobs > 64))
                throw new UsageException($"--jobs 应为 1 到 64 的整数：{j}。");
        }
        catch (UsageException e)
        {
            return StoreOptions.Usage(error, Name, e.Message, UsageLine);
        }
        if (cl.Positionals.Count == 0) return StoreOptions.Usage(error, Name, "缺少要导入的文件或目录。", UsageLine);

        var files = new List<string>();
        bool missing = false;
        foreach (var p in cl.Positionals)
        {
            if (Directory.Exists(p))
                files.AddRange(CheckCommand.FilesIn(p));
            else if (File.Exists(p)) files.Add(p);
            else { error.WriteLine($"gongkai import：找不到文件或目录：{p}"); missing = true; }
        }
        StoreTrace.Mark("start");
        var store = StoreOptions.Open(connection, error, Name);
        if (store is null) return ExitCodes.InternalError;
        StoreTrace.Mark("opened");
        var clock = Stopwatch.StartNew();

        // Files are stored one by one (one transaction each: after a kill, what was stored stays stored) while the
        // workers already process the stored ones, so the reading of the first files overlaps the storing of the rest.
        // Jobs left by a killed run are taken over (their dead owners' leases released first).
        using (var db = store.Db()) JobQueue.ReleaseDeadOwners(db);
        var pending = new Dictionary<long, string>(); // job id → file
        int added = 0, existing = 0, failedToStore = 0;
        int done = 0, ready = 0, needsDetails = 0, unreadable = 0, failed = 0;
        var gate = new object();
        var unfinished = new HashSet<long>();
        bool storing = true;
        void Report(long jobId, JobOutcome? known = null)
        {
            using var _ = StoreTrace.Phase("import.report");
            var job = known?.Job ?? store.Job(jobId)!;
            if (job.Status is not (JobStatus.Done or JobStatus.Failed)) return;
            lock (gate)
            {
                // a job finished before its file was counted is reported by the query after the storing
                if (!unfinished.Remove(jobId)) return;
                done++;
                var file = pending[jobId];
                // the worker says how it left the document; read it only for a job finished elsewhere
                var doc = known?.Document ?? (job.DocumentId is long id ? store.Document(id) : null);
                string line;
                if (job.Status == JobStatus.Failed) { failed++; line = $"处理失败：{job.LastError}"; }
                else if (doc is null) line = "完成";
                else switch (doc.Document.Status)
                {
                    case DocumentStatus.Ready:
                        ready++;
                        line = $"{doc.DepartmentName} {doc.Document.Year} 年{doc.Document.Kind}（第 {doc.Document.Version} 版）" +
                               $"：错误 {doc.LatestRun?.Errors}，警告 {doc.LatestRun?.Warnings}，提示 {doc.LatestRun?.Infos}";
                        break;
                    case DocumentStatus.NeedsDetails: needsDetails++; line = "待补充信息：" + doc.Document.StatusDetail; break;
                    case DocumentStatus.Unreadable: unreadable++; line = "无法读取：" + doc.Document.StatusDetail; break;
                    default: line = doc.Document.Status; break;
                }
                // while files are still being stored the count of all files given stands for the number of jobs
                error.WriteLine($"[{done}/{(storing ? files.Count : pending.Count)}] {file}：{line}");
            }
        }
        var owner = JobQueue.NewOwner();
        var workers = Enumerable.Range(0, jobs).Select(_ => Task.Run(() =>
        {
            while (true)
            {
                bool stillStoring;
                lock (gate)
                {
                    stillStoring = storing;
                    if (!storing && unfinished.Count == 0) return;
                }
                if (store.RunOne(owner, o => Report(o.Job.Id, o))) continue;
                if (stillStoring) { Thread.Sleep(20); continue; } // the next file is being stored
                // nothing due: our remaining jobs are held by another live process; wait for them
                Thread.Sleep(300);
                foreach (var id in SnapshotUnfinished()) Report(id);
            }
        })).ToArray();
        List<long> SnapshotUnfinished() { lock (gate) return unfinished.ToList(); }

        try
        {
            for (int i = 0; i < files.Count; i++)
            {
                var f = files[i];
                try
                {
                    var bytes = File.ReadAllBytes(f);
                    if (bytes.Length == 0 || bytes.Length > store.MaxBytes)
                    {
                        error.WriteLine($"[{i + 1}/{files.Count}] {f}：{(bytes.Length == 0 ? "文件为空" : "文件过大")}，跳过");
                        failedToStore++;
                        continue;
                    }
                    var r = store.Add(bytes, f, actor: "import");
                    if (r.IsNew) added++; else existing++;
                    if (r.JobId is long jobId)
                        lock (gate)
                        {
                            pending[jobId] = f;
                            unfinished.Add(jobId);
                        }
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    error.WriteLine($"[{i + 1}/{files.Count}] {f}：无法读取（{e.Message}）");
                    failedToStore++;
                }
            }
            StoreTrace.Mark("stored");
            // jobs finished in an earlier run, or by a worker before their file was counted (one query for all)
            using (var db = store.Db())
            {
                var ids = SnapshotUnfinished();
                foreach (var id in db.Jobs.Where(j => ids.Contains(j.Id) && (j.Status == JobStatus.Done || j.Status == JobStatus.Failed)).Select(j => j.Id).ToList())
                    Report(id);
            }
        }
        finally
        {
            lock (gate) storing = false;
        }
        Task.WaitAll(workers);

        error.WriteLine($"导入 {files.Count} 个文件（{connection.Describe()}）：新增 {added}，已在库中 {existing}；" +
                        $"已审核 {ready}，待补充信息 {needsDetails}，无法读取 {unreadable + failedToStore}，处理失败 {failed}；" +
                        $"用时 {clock.Elapsed.TotalSeconds:0.0} 秒。");
        StoreTrace.Mark("end");
        output.Flush();
        return missing || unreadable + failedToStore + failed > 0 ? ExitCodes.InputUnreadable : ExitCodes.Ok;
    }
}

/// <summary>gongkai serve [--store FILE | --postgres CONN] [--urls URL]: the HTTP API with a queue worker.</summary>
public sealed class ServeCommand : ICommand
{
    private const string UsageLine = "gongkai serve [--store 文件 | --postgres 连接串] [--urls 地址]";

    public string Name => "serve";
    public string Summary => "启动 HTTP API 服务（上传、任务、问题、忽略、部门序列），并处理任务队列";

    public void WriteHelp(TextWriter w)
    {
        w.WriteLine("用法：" + UsageLine);
        w.WriteLine();
        w.WriteLine("启动 HTTP API（/api/v1/…，OpenAPI 文档在 /openapi/v1.json，健康检查 /healthz）。请求需带令牌：");
        w.WriteLine("Authorization: Bearer <令牌>，令牌用 gongkai token create 生成。按 Ctrl+C 停止。");
        w.WriteLine();
        w.WriteLine("选项：");
        w.WriteLine(StoreOptions.Help);
        w.WriteLine("      --urls 地址         监听地址（默认 http://127.0.0.1:5080，多个用分号分隔）");
        w.WriteLine("      --no-worker         本进程不处理任务队列（另有进程处理时）");
        w.WriteLine("  -h, --help              显示本帮助");
    }

    public int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        CommandLine cl;
        StoreConnection connection;
        try
        {
            cl = CommandLine.Parse(args, [.. StoreOptions.Values, ["--urls"]], [["--help", "-h"], ["--no-worker"]]);
            if (cl.Flag("--help")) { WriteHelp(output); return ExitCodes.Ok; }
            connection = StoreOptions.Connection(cl);
        }
        catch (UsageException e)
        {
            return StoreOptions.Usage(error, Name, e.Message, UsageLine);
        }
        if (cl.Positionals.Count > 0) return StoreOptions.Usage(error, Name, $"多余的参数：{cl.Positionals[0]}。", UsageLine);
        var urls = (cl.Value("--urls") ?? "http://127.0.0.1:5080").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var store = StoreOptions.Open(connection, error, Name);
        if (store is null) return ExitCodes.InternalError;
        try
        {
            var app = GongkaiServer.Build(store, new ServerOptions { Urls = urls, RunWorker = !cl.Flag("--no-worker") });
            app.Start();
            error.WriteLine($"gongkai serve：已启动 {string.Join("、", app.Urls)}（{connection.Describe()}）。按 Ctrl+C 停止。");
            app.WaitForShutdown();
            return ExitCodes.Ok;
        }
        catch (IOException e)
        {
            error.WriteLine($"gongkai serve：无法监听 {string.Join("、", urls)}（{Failures.Describe(e)}）{Failures.Details(e)}。端口可能已被占用。");
            return ExitCodes.InternalError;
        }
    }
}

/// <summary>gongkai token create --user NAME --role admin|reviewer|viewer: prints a new API token as the last line.</summary>
public sealed class TokenCommand : ICommand
{
    private const string UsageLine = "gongkai token create --user 用户名 --role admin|reviewer|viewer [--departments 部门,…] [--store 文件 | --postgres 连接串]";

    public string Name => "token";
    public string Summary => "创建 API 访问令牌（需要时创建用户）";

    public void WriteHelp(TextWriter w)
    {
        w.WriteLine("用法：" + UsageLine);
        w.WriteLine();
        w.WriteLine("为用户创建一个新的访问令牌（用户不存在时创建，角色不同时改为指定角色）。令牌只显示这一次，库中只保存其散列；");
        w.WriteLine("令牌是标准输出的最后一行。角色：viewer 只读；reviewer 还可上传和忽略问题；admin 还可管理用户和部门。");
        w.WriteLine();
        w.WriteLine("选项：");
        w.WriteLine("      --user 用户名");
        w.WriteLine("      --role 角色         admin、reviewer 或 viewer");
        w.WriteLine("      --departments 部门  令牌只能访问这些部门（部门 id 或名称，逗号分隔；含下级部门；在用户本身的范围之内）");
        w.WriteLine(StoreOptions.Help);
    }

    public int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        CommandLine cl;
        StoreConnection connection;
        try
        {
            cl = CommandLine.Parse(args, [.. StoreOptions.Values, ["--user", "-u"], ["--role", "-r"], ["--departments"]], [["--help", "-h"]]);
            if (cl.Flag("--help")) { WriteHelp(output); return ExitCodes.Ok; }
            connection = StoreOptions.Connection(cl);
        }
        catch (UsageException e)
        {
            return StoreOptions.Usage(error, Name, e.Message, UsageLine);
        }
        if (cl.Positionals is not ["create"]) return StoreOptions.Usage(error, Name, "只支持 token create。", UsageLine);
        var user = cl.Value("--user");
        var role = cl.Value("--role");
        if (string.IsNullOrWhiteSpace(user)) return StoreOptions.Usage(error, Name, "缺少 --user。", UsageLine);
        if (role is null || !Roles.All.Contains(role)) return StoreOptions.Usage(error, Name, $"--role 应为 admin、reviewer 或 viewer：{role ?? "（缺少）"}。", UsageLine);
        var store = StoreOptions.Open(connection, error, Name);
        if (store is null) return ExitCodes.InternalError;
        string token;
        try
        {
            var departments = cl.Value("--departments") is string list ? store.ResolveDepartments(list.Split(',', '，')) : null;
            token = store.CreateToken(user.Trim(), role, "cli", departments);
        }
        catch (ArgumentException e)
        {
            return StoreOptions.Usage(error, Name, e.Message, UsageLine);
        }
        output.WriteLine($"已为用户 {user.Trim()}（{role}）创建令牌，请妥善保存，它不会再次显示：");
        output.WriteLine(token);
        return ExitCodes.Ok;
    }
}

/// <summary>
/// gongkai user add NAME --role admin|reviewer|viewer [--password-stdin]: a user who signs in to the web app with a
/// password (generated and printed as the last line of stdout unless read from stdin).
/// </summary>
public sealed class UserCommand : ICommand
{
    private const string UsageLine = "gongkai user add 用户名 --role admin|reviewer|viewer [--departments 部门,…] [--password-stdin] [--store 文件 | --postgres 连接串]";

    public string Name => "user";
    public string Summary => "添加网页登录用户或重设其密码和角色";

    public void WriteHelp(TextWriter w)
    {
        w.WriteLine("用法：" + UsageLine);
        w.WriteLine("      gongkai user scope 用户名 (--departments 部门,… | --all) [--store 文件 | --postgres 连接串]");
        w.WriteLine("      gongkai user list [--store 文件 | --postgres 连接串]");
        w.WriteLine();
        w.WriteLine("新建用户（已存在时改为指定角色并重设密码），用于在浏览器中登录 gongkai serve 提供的网页。");
        w.WriteLine("不加 --password-stdin 时生成一个 16 位随机密码，作为标准输出的最后一行显示（只显示这一次）；");
        w.WriteLine("加 --password-stdin 时从标准输入读取第一行作为密码（至少 8 个字符）。库中只保存密码的 PBKDF2 散列。");
        w.WriteLine("角色：viewer 只读；reviewer 还可上传和忽略问题；admin 还可管理用户、令牌和部门。");
        w.WriteLine();
        w.WriteLine("选项：");
        w.WriteLine("      --role 角色         admin、reviewer 或 viewer（新用户必填）");
        w.WriteLine("      --password-stdin    从标准输入读取密码");
        w.WriteLine("      --departments 部门  只允许查看和处理这些部门（部门 id 或名称，逗号分隔；含下级部门）");
        w.WriteLine("      --all               （user scope）取消部门限制");
        w.WriteLine(StoreOptions.Help);
    }

    public int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        CommandLine cl;
        StoreConnection connection;
        try
        {
            cl = CommandLine.Parse(args, [.. StoreOptions.Values, ["--role", "-r"], ["--departments"]], [["--help", "-h"], ["--password-stdin"], ["--all"]]);
            if (cl.Flag("--help")) { WriteHelp(output); return ExitCodes.Ok; }
            connection = StoreOptions.Connection(cl);
        }
        catch (UsageException e)
        {
            return StoreOptions.Usage(error, Name, e.Message, UsageLine);
        }
        if (cl.Positionals is ["list"])
        {
            var s = StoreOptions.Open(connection, error, Name);
            if (s is null) return ExitCodes.InternalError;
            foreach (var u in s.Users())
                output.WriteLine($"{u.Name}\t{u.Role}\t{(u.HasPassword ? "有密码" : "无密码")}\t令牌 {u.Tokens.Count(t => t.RevokedAt is null)} 个\t部门 {(u.Departments is null ? "全部" : string.Join(",", u.Departments))}");
            return ExitCodes.Ok;
        }
        if (cl.Positionals is ["scope", var scopeUser])
        {
            var list = cl.Value("--departments");
            if (list is null == !cl.Flag("--all")) return StoreOptions.Usage(error, Name, "user scope 需要 --departments 部门,… 或 --all 其中之一。", UsageLine);
            var s = StoreOptions.Open(connection, error, Name);
            if (s is null) return ExitCodes.InternalError;
            try
            {
                var ids = list is null ? null : s.ResolveDepartments(list.Split(',', '，'));
                if (!s.SetUserDepartments(scopeUser, ids, "cli")) return StoreOptions.Usage(error, Name, $"没有用户 {scopeUser}。", UsageLine);
                output.WriteLine(ids is null ? $"用户 {scopeUser.Trim()} 可访问全部部门。" : $"用户 {scopeUser.Trim()} 只能访问部门 {string.Join(",", ids)}（含下级部门）。");
            }
            catch (ArgumentException e)
            {
                return StoreOptions.Usage(error, Name, e.Message, UsageLine);
            }
            return ExitCodes.Ok;
        }
        if (cl.Positionals is not ["add", var name] || string.IsNullOrWhiteSpace(name))
            return StoreOptions.Usage(error, Name, "只支持 user add 用户名、user scope 用户名 和 user list。", UsageLine);
        var role = cl.Value("--role");
        if (role is not null && !Roles.All.Contains(role))
            return StoreOptions.Usage(error, Name, $"--role 应为 admin、reviewer 或 viewer：{role}。", UsageLine);
        string password;
        bool generated = !cl.Flag("--password-stdin");
        if (generated) password = UserAccounts.GeneratePassword();
        else
        {
            password = (Console.In.ReadLine() ?? "").TrimEnd('\r', '\n');
            if (password.Length < 8) return StoreOptions.Usage(error, Name, "从标准输入读到的密码少于 8 个字符。", UsageLine);
        }
        var store = StoreOptions.Open(connection, error, Name);
        if (store is null) return ExitCodes.InternalError;
        role ??= store.UserNamed(name.Trim())?.Role;
        if (role is null) return StoreOptions.Usage(error, Name, "新用户需要 --role。", UsageLine);
        try
        {
            store.SaveUser(name, role, password, "cli");
            if (cl.Value("--departments") is string departments)
                store.SetUserDepartments(name, store.ResolveDepartments(departments.Split(',', '，')), "cli");
        }
        catch (ArgumentException e)
        {
            return StoreOptions.Usage(error, Name, e.Message, UsageLine);
        }
        if (generated)
        {
            output.WriteLine($"已设置用户 {name.Trim()}（{role}）的密码，请妥善保存，它不会再次显示：");
            output.WriteLine(password);
        }
        else output.WriteLine($"已设置用户 {name.Trim()}（{role}）的密码。");
        return ExitCodes.Ok;
    }
}
