using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using static OrderClose.Tests.Infra.ArmExpression;

namespace OrderClose.Tests.Infra;

/// <summary>
/// A module that reads or targets a resource another module deploys must be deployed after it. ARM orders
/// deployments only by <c>dependsOn</c> (directly or through a chain, as the linter's no-unnecessary-dependson
/// counts): a module that names a resource (an <c>existing</c> reference, a scope, a metric alert's target) without
/// depending on its module races the resource's creation on a fresh resource group.
/// </summary>
public sealed partial class ModuleDependencyTests
{
    private static readonly TemplateScope Main = CompiledTemplate.Evaluate();

    private static readonly IReadOnlyList<string> Modules = CompiledTemplate.Json["resources"]!.AsArray()
        .Where(r => Text(r!["type"]) == "Microsoft.Resources/deployments")
        .Select(r => Text(r!["name"]))
        .ToList();

    public static TheoryData<string> ModuleNames() => new(Modules);

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void A_module_depends_on_every_module_that_deploys_a_resource_it_refers_to(string module)
    {
        var referenced = ReferencedResourceIds(Main.Deployment(module));
        var needed = Modules.Where(other => other != module)
            .Where(other => DeployedResourceIds(Main.Deployment(other)).Any(id => referenced.Any(r => r == id || r.StartsWith(id + "/", StringComparison.OrdinalIgnoreCase))))
            .Order();

        Assert.Equal(needed, WaitsFor(module).Intersect(needed).Order());
    }

    [Fact]
    public void The_check_sees_the_references_it_guards()
    {
        // The alert targets the namespace and the role assignments read Application Insights by name.
        Assert.Contains(ReferencedResourceIds(Main.Deployment("dead-letter-alert")), id => id.Contains("/Microsoft.ServiceBus/namespaces/", StringComparison.Ordinal));
        Assert.Contains(ReferencedResourceIds(Main.Deployment("role-assignments")), id => id.Contains("/Microsoft.Insights/components/", StringComparison.Ordinal));
        Assert.Contains(DeployedResourceIds(Main.Deployment("service-bus")), id => id.EndsWith("/queues/order-close", StringComparison.Ordinal));
    }

    /// <summary>The modules deployed before this one: its compiled <c>dependsOn</c>, theirs, and so on.</summary>
    private static HashSet<string> WaitsFor(string module)
    {
        var found = new HashSet<string>();
        var pending = new Stack<string>(DependsOn(module));
        while (pending.TryPop(out var next))
        {
            if (found.Add(next))
            {
                foreach (var further in DependsOn(next))
                {
                    pending.Push(further);
                }
            }
        }
        return found;
    }

    private static IEnumerable<string> DependsOn(string module) => CompiledTemplate.Json["resources"]!.AsArray()
        .Single(r => Text(r!["type"]) == "Microsoft.Resources/deployments" && Text(r!["name"]) == module)!["dependsOn"]?.AsArray()
        .Select(d => Text(Main.Evaluate(d)).Split('/')[^1]) ?? [];

    /// <summary>Every resource id that appears anywhere in the module's evaluated resources and outputs.</summary>
    private static HashSet<string> ReferencedResourceIds(TemplateScope module)
    {
        var texts = AllResources(module).SelectMany(r => Strings(module.Evaluate(r)))
            .Concat(module.OutputNames.SelectMany(o => Strings(module.Output(o))));
        return texts.SelectMany(t => ResourceIdPattern().Matches(t).Select(m => m.Value)).ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Ids of the resources the module deploys whose names are known before deployment (others cannot be named elsewhere).</summary>
    private static IEnumerable<string> DeployedResourceIds(TemplateScope module) => AllResources(module)
        .Select(r => module.Evaluate(r)!.AsObject())
        .Where(r => !IsUnresolved(r["name"]))
        .Select(r => ResourceId(Text(r["type"]), Text(r["name"]).Split('/')));

    private static IEnumerable<JsonObject> AllResources(TemplateScope module) =>
        module.Template["resources"]!.AsArray().Select(r => r!.AsObject());

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => Strings(p.Value)),
        JsonArray a => a.SelectMany(Strings),
        JsonValue v when v.TryGetValue<string>(out var s) => [s],
        _ => [],
    };

    [GeneratedRegex(@"/subscriptions/[^/]+/resourceGroups/[^/]+/providers/[A-Za-z.]+/[A-Za-z]+/[^'/,)⟧\s]+(/[A-Za-z]+/[^'/,)⟧\s]+)*")]
    private static partial Regex ResourceIdPattern();
}
