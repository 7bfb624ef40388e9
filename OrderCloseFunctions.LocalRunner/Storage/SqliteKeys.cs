using System.Security.Cryptography;

namespace OrderClose.LocalRunner.Storage;

/// <summary>Secret keys made once per data folder and kept in a database's <c>settings</c> table (for each restart to find).</summary>
public static class SqliteKeys
{
    public const string Schema = """
        CREATE TABLE IF NOT EXISTS settings (
            name  TEXT NOT NULL PRIMARY KEY,
            value BLOB NOT NULL
        );
        """;

    /// <summary>The key named <paramref name="name"/>: 32 random bytes, made the first time it is asked for.</summary>
    public static Task<byte[]> GetOrMakeAsync(SqliteDatabase database, string name) => database.WriteAsync(db =>
    {
        if (db.Command("SELECT value FROM settings WHERE name = @name", ("@name", name)).ExecuteScalar() is byte[] key)
        {
            return key;
        }
        var made = RandomNumberGenerator.GetBytes(32);
        db.Command("INSERT INTO settings (name, value) VALUES (@name, @key)", ("@name", name), ("@key", made)).ExecuteNonQuery();
        return made;
    });
}
