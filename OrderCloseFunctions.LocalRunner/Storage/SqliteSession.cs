using Microsoft.Data.Sqlite;

namespace OrderClose.LocalRunner.Storage;

/// <summary>One SQLite connection and its prepared commands, used by one thread at a time.</summary>
public sealed class SqliteSession : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

    private SqliteSession(SqliteConnection connection) => _connection = connection;

    public static SqliteSession Open(string dataSource, int busyTimeoutMilliseconds)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = dataSource, Pooling = false }.ToString());
        connection.Open();
        var session = new SqliteSession(connection);
        session.Execute($"PRAGMA busy_timeout = {busyTimeoutMilliseconds};");
        return session;
    }

    /// <summary>
    /// The command for <paramref name="sql"/>, prepared once and kept, with <paramref name="parameters"/> bound. A given
    /// text is always called with the same parameter names, so later calls only set their values.
    /// </summary>
    public SqliteCommand Command(string sql, params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = _connection.CreateCommand();
            command.CommandText = sql;
            foreach (var (name, _) in parameters)
            {
                command.Parameters.Add(new SqliteParameter { ParameterName = name });
            }
            _commands[sql] = command;
        }
        foreach (var (name, value) in parameters)
        {
            command.Parameters[name].Value = value ?? DBNull.Value;
        }
        return command;
    }

    public void Execute(string sql) => Command(sql).ExecuteNonQuery();

    public void Dispose()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }
        _connection.Dispose();
    }
}
