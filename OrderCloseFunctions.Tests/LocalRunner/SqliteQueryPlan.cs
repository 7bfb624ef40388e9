using OrderClose.LocalRunner.Storage;

namespace OrderClose.Tests.LocalRunner;

/// <summary>How SQLite would run a query: the steps of its <c>EXPLAIN QUERY PLAN</c>, one a line, to see which index it reads.</summary>
internal static class SqliteQueryPlan
{
    public static Task<string> ExplainAsync(SqliteDatabase database, string query, params (string Name, object? Value)[] parameters) =>
        database.ReadAsync(db =>
        {
            using var reader = db.Command("EXPLAIN QUERY PLAN " + query, parameters).ExecuteReader();
            var steps = new List<string>();
            while (reader.Read())
            {
                steps.Add(reader.GetString(3));
            }
            return string.Join("\n", steps);
        });
}
