using System.ComponentModel.DataAnnotations;

namespace OrderClose.Storage;

/// <summary>Where orders live. App settings <c>Cosmos__DatabaseName</c>, <c>Cosmos__ContainerName</c>; infra creates both.</summary>
public sealed class CosmosOptions
{
    public const string Section = "Cosmos";

    [Required]
    public string DatabaseName { get; set; } = "orderclose";

    [Required]
    public string ContainerName { get; set; } = "orders";
}
