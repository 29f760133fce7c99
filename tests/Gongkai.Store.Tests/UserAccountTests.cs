using Gongkai.Store;
using Gongkai.Store.Entities;

namespace Gongkai.Store.Tests;

/// <summary>Passwords for the web app: hashed with PBKDF2, checked in constant time, roles kept with the user.</summary>
public sealed class UserAccountTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"gongkai-users-{Guid.NewGuid():N}.db");

    [Fact]
    public void APasswordSignsInOnlyWithItselfAndIsStoredHashed()
    {
        var store = new GongkaiStore(StoreConnection.Sqlite(_file));
        store.Migrate();
        store.SaveUser("张三", Roles.Reviewer, "correct horse 1", "test");
        Assert.Equal(Roles.Reviewer, store.SignIn("张三", "correct horse 1")?.Role);
        Assert.Null(store.SignIn("张三", "correct horse 2"));
        Assert.Null(store.SignIn("李四", "correct horse 1"));
        var hash = store.UserNamed("张三")!.PasswordHash!;
        Assert.StartsWith("pbkdf2-sha256$", hash);
        Assert.DoesNotContain("correct horse", hash);

        // a token-only user (created by token create) has no password and cannot sign in
        store.CreateToken("bot", Roles.Viewer);
        Assert.Null(store.SignIn("bot", ""));
        Assert.False(store.Users().Single(u => u.Name == "bot").HasPassword);

        // changing the role keeps the password; too short a password is refused
        store.SaveUser("张三", Roles.Admin, null, "test");
        Assert.Equal(Roles.Admin, store.SignIn("张三", "correct horse 1")?.Role);
        Assert.Throws<ArgumentException>(() => store.SaveUser("张三", Roles.Admin, "short", "test"));
        Assert.Equal(16, UserAccounts.GeneratePassword().Length);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var f in new[] { _file, _file + "-wal", _file + "-shm" }) File.Delete(f);
    }
}
