using System.Security.Cryptography;
using System.Text;
using Gongkai.Store.Entities;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Store;

public sealed record TokenInfo(long Id, string Prefix, DateTime CreatedAt, DateTime? RevokedAt, IReadOnlyList<long>? Departments = null);

/// <summary>A user as listed to admins; <see cref="Departments"/> the departments it is limited to (null: every department).</summary>
public sealed record UserInfo(long Id, string Name, string Role, DateTime CreatedAt, bool HasPassword, IReadOnlyList<TokenInfo> Tokens,
    IReadOnlyList<long>? Departments = null);

/// <summary>Users of the store: passwords for the browser (PBKDF2), roles, and the tokens of each user.</summary>
public static class UserAccounts
{
    private const int Iterations = 210_000;
    private const string Scheme = "pbkdf2-sha256";

    public static string HashPassword(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, Iterations, HashAlgorithmName.SHA256, 32);
        return $"{Scheme}${Iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}";
    }

    public static bool VerifyHash(string password, string? stored)
    {
        if (stored is null) return false;
        var parts = stored.Split('$');
        if (parts.Length != 4 || parts[0] != Scheme || !int.TryParse(parts[1], out var iterations) || iterations < 1000) return false;
        try
        {
            var salt = Convert.FromBase64String(parts[2]);
            var expected = Convert.FromBase64String(parts[3]);
            var actual = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, expected.Length);
            return CryptographicOperations.FixedTimeEquals(actual, expected);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>A password easy to type once and long enough to be safe: 16 characters of an unambiguous alphabet.</summary>
    public static string GeneratePassword()
    {
        const string alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789";
        return string.Concat(Enumerable.Range(0, 16).Select(_ => alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)]));
    }

    /// <summary>Creates the user when needed, sets its role and (when given) its password.</summary>
    public static User SaveUser(this GongkaiStore store, string name, string role, string? password, string actor)
    {
        name = name.Trim();
        if (name.Length == 0 || name.Length > 100) throw new ArgumentException("用户名应为 1 到 100 个字符。");
        if (!Roles.All.Contains(role)) throw new ArgumentException($"未知角色：{role}。可选 admin、reviewer、viewer。");
        if (password is not null && password.Length < 8) throw new ArgumentException("密码至少 8 个字符。");
        using var db = store.Db();
        using var tx = db.Database.BeginTransaction();
        var user = db.Users.FirstOrDefault(u => u.Name == name);
        if (user is null)
        {
            user = new User { Name = name, Role = role, CreatedAt = DateTime.UtcNow };
            db.Users.Add(user);
            GongkaiStore.Log(db, actor, "user.create", $"user:{name}", role);
        }
        else if (user.Role != role)
        {
            GongkaiStore.Log(db, actor, "user.role", $"user:{name}", $"{user.Role} → {role}");
            user.Role = role;
        }
        if (password is not null)
        {
            user.PasswordHash = HashPassword(password);
            GongkaiStore.Log(db, actor, "user.password", $"user:{name}", null);
        }
        db.SaveChanges();
        tx.Commit();
        return user;
    }

    /// <summary>The user when the password is right; null otherwise (unknown user, no password, wrong password).</summary>
    public static User? SignIn(this GongkaiStore store, string name, string password)
    {
        using var db = store.Db();
        var user = db.Users.AsNoTracking().FirstOrDefault(u => u.Name == name.Trim());
        if (user is null)
        {
            VerifyHash(password, HashPassword("timing")); // spend the same time for an unknown name
            return null;
        }
        return VerifyHash(password, user.PasswordHash) ? user : null;
    }

    public static User? UserNamed(this GongkaiStore store, string name)
    {
        using var db = store.Db();
        return db.Users.AsNoTracking().FirstOrDefault(u => u.Name == name);
    }

    public static List<UserInfo> Users(this GongkaiStore store)
    {
        using var db = store.Db();
        var users = db.Users.AsNoTracking().OrderBy(u => u.Name).ToList();
        var tokens = db.ApiTokens.AsNoTracking().OrderBy(t => t.Id).ToList().ToLookup(t => t.UserId);
        return users.Select(u => new UserInfo(u.Id, u.Name, u.Role, u.CreatedAt, u.PasswordHash is not null,
            tokens[u.Id].Select(t => new TokenInfo(t.Id, t.Prefix, t.CreatedAt, t.RevokedAt, DepartmentScope.Parse(t.Departments))).ToList(),
            DepartmentScope.Parse(u.Departments))).ToList();
    }

    /// <summary>Revokes a token; false when there is no such active token.</summary>
    public static bool RevokeToken(this GongkaiStore store, long tokenId, string actor)
    {
        using var db = store.Db();
        var token = db.ApiTokens.Include(t => t.User).FirstOrDefault(t => t.Id == tokenId && t.RevokedAt == null);
        if (token is null) return false;
        token.RevokedAt = DateTime.UtcNow;
        GongkaiStore.Log(db, actor, "token.revoke", $"user:{token.User?.Name}", token.Prefix);
        db.SaveChanges();
        return true;
    }

    /// <summary>The original bytes and sniffed format of a document.</summary>
    public static (byte[] Content, string Format, string Name)? FileOf(this GongkaiStore store, long documentId)
    {
        using var db = store.Db();
        var doc = db.Documents.AsNoTracking().FirstOrDefault(d => d.Id == documentId);
        if (doc is null) return null;
        var file = db.Files.AsNoTracking().Where(f => f.Sha256 == doc.Sha256).Select(f => new { f.Content, f.Format }).FirstOrDefault();
        return file is null ? null : (file.Content, file.Format, doc.OriginalName);
    }
}
