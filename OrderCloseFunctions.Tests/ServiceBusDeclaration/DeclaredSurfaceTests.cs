using Microsoft.Azure.Functions.Worker;
using OrderClose.Tests.Infra;

namespace OrderClose.Tests.ServiceBusDeclaration;

/// <summary>
/// The Service Bus types the app compiles against (declared in <c>OrderCloseFunctions/ServiceBusDeclaration/</c>, or the
/// official package under <c>-p:ServiceBusExtension=Official</c>) have exactly the surface of the official 5.23.0 ones, as
/// listed from their source in <c>official-5.23.0-surface.txt</c>: a member, type, default or attribute that drifts fails here.
/// </summary>
public sealed class DeclaredSurfaceTests
{
    private static readonly string[] Official = RepositoryFiles.Read("OrderCloseFunctions.Tests", "ServiceBusDeclaration", "official-5.23.0-surface.txt")
        .Split('\n')
        .Select(line => line.TrimEnd('\r'))
        .Where(line => line.Length > 0 && !line.StartsWith('#'))
        .ToArray();

    [Fact]
    public void ServiceBusTriggerAttribute_has_the_official_5_23_0_surface()
    {
        AssertSameSurface(typeof(ServiceBusTriggerAttribute));
    }

    [Fact]
    public void ServiceBusMessageActions_has_the_official_5_23_0_surface()
    {
        AssertSameSurface(typeof(ServiceBusMessageActions));
    }

    [Fact]
    public void The_listing_holds_exactly_the_two_types()
    {
        Assert.Equal(
            ["type public sealed class Microsoft.Azure.Functions.Worker.ServiceBusTriggerAttribute", "type public class Microsoft.Azure.Functions.Worker.ServiceBusMessageActions"],
            Official.Where(line => line.StartsWith("type ", StringComparison.Ordinal)));
    }

    [Fact]
    public void AutoCompleteMessages_has_no_default_of_its_own_so_an_unset_one_leaves_it_to_host_json()
    {
        var property = typeof(ServiceBusTriggerAttribute).GetProperty(nameof(ServiceBusTriggerAttribute.AutoCompleteMessages))!;

        Assert.Empty(property.CustomAttributes);
        Assert.False(new ServiceBusTriggerAttribute("queue").AutoCompleteMessages);
    }

    /// <summary>Compared as text, a line a fact, so a failure shows the line that differs.</summary>
    private static void AssertSameSurface(Type type) =>
        Assert.Equal(string.Join('\n', Block(type)), string.Join('\n', PublicSurface.Of(type)));

    /// <summary>The listing's block of <paramref name="type"/>: its <c>type</c> line and the indented lines after it.</summary>
    private static string[] Block(Type type) => Official
        .SkipWhile(line => !line.StartsWith("type ", StringComparison.Ordinal) || !line.EndsWith(" " + type.FullName, StringComparison.Ordinal))
        .Select((line, index) => (line, index))
        .TakeWhile(entry => entry.index == 0 || entry.line.StartsWith("  ", StringComparison.Ordinal))
        .Select(entry => entry.line)
        .ToArray();
}
