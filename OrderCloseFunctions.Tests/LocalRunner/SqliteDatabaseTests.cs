using Microsoft.Data.Sqlite;
using OrderClose.LocalRunner.Storage;

namespace OrderClose.Tests.LocalRunner;

/// <summary>Group commit keeps each write atomic and durable on its own; readers see every completed write.</summary>
public sealed class SqliteDatabaseTests : IDisposable
{
    private const string Schema = "CREATE TABLE IF NOT EXISTS items (id INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL);";

    private readonly string _folder = Directory.CreateTempSubdirectory("sqlite-database-tests-").FullName;
    private readonly SqliteDatabase _database;

    public SqliteDatabaseTests() => _database = SqliteDatabase.Open(File, "items", Schema);

    private string File => Path.Combine(_folder, "items.db");

    public void Dispose()
    {
        _database.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Concurrent_writes_all_commit_and_each_is_visible_to_another_connection_once_its_task_completes()
    {
        var writes = Enumerable.Range(1, 500).Select(id => Task.Run(async () =>
        {
            await _database.WriteAsync(db => db.Command("INSERT INTO items (id, name) VALUES (@id, 'x')", ("@id", id)).ExecuteNonQuery());
            return CountOnNewConnection($"SELECT COUNT(*) FROM items WHERE id = {id}");
        }));

        var seen = await Task.WhenAll(writes);

        Assert.All(seen, count => Assert.Equal(1, count));
        Assert.Equal(500, await _database.ReadAsync(db => (long)db.Command("SELECT COUNT(*) FROM items").ExecuteScalar()!));
    }

    [Fact]
    public async Task A_write_that_throws_is_rolled_back_alone_and_fails_alone()
    {
        var before = _database.WriteAsync(db => db.Command("INSERT INTO items (id, name) VALUES (1, 'before')").ExecuteNonQuery());
        var failing = _database.WriteAsync<int>(db =>
        {
            db.Command("INSERT INTO items (id, name) VALUES (2, 'half done')").ExecuteNonQuery();
            throw new InvalidOperationException("fails after its first statement");
        });
        var duplicate = _database.WriteAsync(db => db.Command("INSERT INTO items (id, name) VALUES (1, 'again')").ExecuteNonQuery());
        var after = _database.WriteAsync(db => db.Command("INSERT INTO items (id, name) VALUES (3, 'after')").ExecuteNonQuery());

        await before;
        await Assert.ThrowsAsync<InvalidOperationException>(() => failing);
        await Assert.ThrowsAsync<SqliteException>(() => duplicate);
        await after;

        var names = await _database.ReadAsync(db =>
        {
            using var reader = db.Command("SELECT name FROM items ORDER BY id").ExecuteReader();
            var all = new List<string>();
            while (reader.Read())
            {
                all.Add(reader.GetString(0));
            }
            return all;
        });
        Assert.Equal(["before", "after"], names);
    }

    [Fact]
    public async Task In_memory_reads_and_writes_share_one_database()
    {
        using var memory = SqliteDatabase.Open(null, "items", Schema);

        await memory.WriteAsync(db => db.Command("INSERT INTO items (id, name) VALUES (1, 'x')").ExecuteNonQuery());

        Assert.Equal(1L, await memory.ReadAsync(db => (long)db.Command("SELECT COUNT(*) FROM items").ExecuteScalar()!));
    }

    private long CountOnNewConnection(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={File};Pooling=false");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }
}
