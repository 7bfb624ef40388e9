using Microsoft.Data.Sqlite;
using OrderClose.Orders;

namespace OrderClose.LocalRunner.Storage;

/// <summary>
/// One SQLite database with one connection, used by one caller at a time. The runner owns its files, so
/// serializing here costs nothing SQLite would not serialize anyway (one writer), and it keeps prepared
/// statements alive between calls. Callers wait for their turn asynchronously: a thread blocked on the gate
/// would starve the thread pool that serves HTTP. A file is in WAL mode with synchronous=NORMAL: a committed write
/// survives the process being killed (only an OS crash can lose the last commits).
/// </summary>
public sealed class SqliteDatabase : IDisposable
{
    private const int BusyTimeoutMilliseconds = 5_000;

    private readonly SqliteConnection _connection;
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private SqliteTransaction? _transaction;

    private SqliteDatabase(SqliteConnection connection, string name)
    {
        _connection = connection;
        Name = name;
    }

    /// <summary>The file, or a name for an in-memory database.</summary>
    public string Name { get; }

    /// <summary>Opens (and creates if needed) the database at <paramref name="file"/>, or one in memory when it is null.</summary>
    public static SqliteDatabase Open(string? file, string name, string schema)
    {
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = file ?? ":memory:",
            Pooling = false,
        }.ToString();
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        var database = new SqliteDatabase(connection, file ?? $"{name} (in memory)");
        database.Execute($"PRAGMA busy_timeout = {BusyTimeoutMilliseconds};");
        if (file is not null)
        {
            database.Execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;");
        }
        database.Execute(schema);
        return database;
    }

    /// <summary>Runs <paramref name="work"/> alone on the connection; busy or locked (another process) becomes <see cref="DependencyUnavailableException"/>.</summary>
    public async Task<T> RunAsync<T>(Func<SqliteDatabase, T> work)
    {
        await _gate.WaitAsync();
        try
        {
            return work(this);
        }
        catch (SqliteException exception) when (exception.SqliteErrorCode is SQLitePCL.raw.SQLITE_BUSY or SQLitePCL.raw.SQLITE_LOCKED)
        {
            throw new DependencyUnavailableException($"SQLite database {Name} is busy.", exception);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Runs <paramref name="work"/> in one transaction. Call inside <see cref="RunAsync{T}"/>.</summary>
    public T InTransaction<T>(Func<T> work)
    {
        using var transaction = _connection.BeginTransaction(deferred: false);
        _transaction = transaction;
        try
        {
            var result = work();
            transaction.Commit();
            return result;
        }
        finally
        {
            _transaction = null;
        }
    }

    /// <summary>A prepared command for <paramref name="sql"/>, kept for reuse, with <paramref name="parameters"/> bound. Call inside <see cref="RunAsync{T}"/>.</summary>
    public SqliteCommand Command(string sql, params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = _connection.CreateCommand();
            command.CommandText = sql;
            _commands[sql] = command;
        }
        command.Transaction = _transaction;
        command.Parameters.Clear();
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }
        return command;
    }

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        _gate.Wait();
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }
        _connection.Dispose();
    }
}
