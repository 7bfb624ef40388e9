using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using static OrderClose.Tests.Infra.ArmExpression;

namespace OrderClose.Tests.Infra.Kql;

/// <summary>Every KQL query the template deploys: the workbook's and the log alerts', as Azure Monitor runs them.</summary>
internal static partial class DeployedQueries
{
    /// <summary>A workbook replaces <c>{TimeRange:grain}</c> with the bin size of the picked range, a timespan such as <c>5m</c>.</summary>
    public const string Grain = "5m";

    private static readonly TemplateScope Main = CompiledTemplate.Evaluate();

    public static IReadOnlyList<KustoQuery> Workbook { get; } = ReadWorkbook();

    /// <summary>The log alerts' criteria, by alert name: each with its query.</summary>
    public static IReadOnlyList<(string Alert, JsonNode Criterion)> AlertCriteria { get; } =
    [
        .. Main.Deployment("app-alerts").Resources("Microsoft.Insights/scheduledQueryRules")
            .SelectMany(rule => rule["properties"]!["criteria"]!["allOf"]!.AsArray().Select(c => (Text(rule["name"]), c!))),
    ];

    public static IReadOnlyList<KustoQuery> Alerts { get; } = [.. AlertCriteria.Select(a => new KustoQuery(a.Alert, Text(a.Criterion["query"])))];

    public static IReadOnlyList<KustoQuery> All => [.. Workbook, .. Alerts];

    private static List<KustoQuery> ReadWorkbook()
    {
        var workbook = Main.Deployment("workbook").Resources("Microsoft.Insights/workbooks").Single();
        var content = JsonNode.Parse(Text(workbook["properties"]!["serializedData"]))!;
        return
        [
            .. content["items"]!.AsArray()
                .Where(item => (int)item!["type"]! == 3)
                .Select(item => new KustoQuery(Text(item!["name"]), TimeRangeGrain().Replace(Text(item["content"]!["query"]), Grain))),
        ];
    }

    [GeneratedRegex(@"\{TimeRange:grain\}")]
    private static partial Regex TimeRangeGrain();
}
