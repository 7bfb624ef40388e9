namespace OrderClose.Tests.Infra.Kql;

/// <summary>
/// The Application Insights tables the workbook and the log alerts query, in Kusto's schema notation: the columns of the
/// component's (classic) tables as the Application Insights data model documents them
/// (learn.microsoft.com/azure/azure-monitor/app/data-model-complete), the context columns every table shares included.
/// </summary>
internal static class ApplicationInsightsTables
{
    private const string Context =
        "customDimensions:dynamic, operation_Name:string, operation_Id:string, operation_ParentId:string, " +
        "operation_SyntheticSource:string, session_Id:string, user_Id:string, user_AuthenticatedId:string, user_AccountId:string, " +
        "application_Version:string, client_Type:string, client_Model:string, client_OS:string, client_IP:string, client_City:string, " +
        "client_StateOrProvince:string, client_CountryOrRegion:string, client_Browser:string, cloud_RoleName:string, " +
        "cloud_RoleInstance:string, appId:string, appName:string, iKey:string, sdkVersion:string, itemId:string, itemType:string, itemCount:int";

    public static IReadOnlyList<KustoTable> All { get; } =
    [
        new("customMetrics", $"(timestamp:datetime, name:string, value:real, valueCount:int, valueSum:real, valueMin:real, valueMax:real, valueStdDev:real, {Context})"),
        new("traces", $"(timestamp:datetime, message:string, severityLevel:int, customMeasurements:dynamic, {Context})"),
    ];
}

/// <param name="Schema">Kusto's notation: <c>(name:type, ...)</c>.</param>
internal sealed record KustoTable(string Name, string Schema);
