namespace OrderClose.Tests.Infra.Kql;

/// <summary>
/// The workbook's and the log alerts' KQL, parsed and bound by Microsoft's Kusto language service against the Application
/// Insights tables: what the portal's query editor would flag is flagged here, without a Log Analytics workspace.
/// Which metric names and dimensions the queries read is <see cref="WorkbookTests"/>' and <see cref="AppAlertTests"/>' part.
/// </summary>
public sealed class KqlAnalysisTests
{
    private static readonly string[] Numeric = ["int", "long", "real", "decimal"];

    [Fact]
    public async Task Every_query_the_template_deploys_parses_and_binds_against_the_Application_Insights_tables_without_a_diagnostic()
    {
        var analyses = await KustoLanguage.AnalyzeAsync(DeployedQueries.All);

        Assert.Equal(DeployedQueries.Workbook.Count + DeployedQueries.Alerts.Count, analyses.Count);
        Assert.Equal(9, analyses.Count);
        Assert.All(analyses, analysis => Assert.True(analysis.Diagnostics.Count == 0,
            $"{analysis.Name}: {string.Join("; ", analysis.Diagnostics.Select(d => $"{d.Severity} at {d.Start}: {d.Message}"))}"));
    }

    [Fact]
    public async Task Each_log_alert_measures_a_numeric_column_that_its_query_returns()
    {
        var analyses = (await KustoLanguage.AnalyzeAsync(DeployedQueries.Alerts)).ToDictionary(a => a.Name);

        Assert.Equal(3, DeployedQueries.AlertCriteria.Count);
        foreach (var (alert, criterion) in DeployedQueries.AlertCriteria)
        {
            var measure = ArmExpression.Text(criterion["metricMeasureColumn"]);
            var column = Assert.Single(analyses[alert].Columns, c => c.Name == measure);
            Assert.Contains(column.Type, Numeric);
        }
    }

    public static TheoryData<string> Misspellings() => new("table", "column", "operator");

    /// <summary>The check has teeth on these very queries: one wrong name in any of them is an error.</summary>
    [Theory]
    [MemberData(nameof(Misspellings))]
    public async Task A_misspelling_in_any_deployed_query_is_an_error(string kind)
    {
        var misspelled = DeployedQueries.All.Select(q => q with { Text = Misspell(q.Text, kind) }).ToList();
        Assert.All(misspelled, (q, i) => Assert.NotEqual(DeployedQueries.All[i].Text, q.Text));

        var analyses = await KustoLanguage.AnalyzeAsync(misspelled);

        Assert.All(analyses, analysis => Assert.NotEmpty(analysis.Errors));
    }

    private static string Misspell(string query, string kind) => kind switch
    {
        // Every query starts with its table: "missingcustomMetrics" is no table.
        "table" => "missing" + query,
        "column" => query.Replace("customDimensions", "customDimension", StringComparison.Ordinal),
        "operator" => query.Replace("| summarize ", "| sumarize ", StringComparison.Ordinal),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
