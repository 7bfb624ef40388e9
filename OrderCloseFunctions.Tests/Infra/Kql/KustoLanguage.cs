using OrderClose.Tests.Interop;

namespace OrderClose.Tests.Infra.Kql;

/// <summary>Microsoft's Kusto language service (npm <c>@kusto/language-service-next</c>), run through <c>Interop/node/kusto-language.mjs</c>.</summary>
internal static class KustoLanguage
{
    private static readonly NodeScript Script = new("kusto-language.mjs", "@kusto/language-service-next");

    /// <summary>Parses each query and resolves its names against <see cref="ApplicationInsightsTables"/>.</summary>
    public static async Task<IReadOnlyList<KustoAnalysis>> AnalyzeAsync(IEnumerable<KustoQuery> queries) =>
        await Script.RunAsync<List<KustoAnalysis>>(new { operation = "analyze", tables = ApplicationInsightsTables.All, queries });
}

internal sealed record KustoQuery(string Name, string Text);

internal sealed record KustoDiagnostic(string Severity, string Message, int Start);

internal sealed record KustoColumn(string Name, string Type);

/// <param name="Columns">The columns of the query's result.</param>
internal sealed record KustoAnalysis(string Name, IReadOnlyList<KustoDiagnostic> Diagnostics, IReadOnlyList<KustoColumn> Columns)
{
    public IEnumerable<KustoDiagnostic> Errors => Diagnostics.Where(d => d.Severity == "Error");
}
