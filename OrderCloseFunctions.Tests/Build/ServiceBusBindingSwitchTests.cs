using System.Diagnostics;
using System.Text.Json;

namespace OrderClose.Tests.Build;

/// <summary>
/// The MSBuild switch between the official Service Bus extension and the in-repo declaration, checked by
/// evaluating the project file the way dotnet build and dotnet publish do (no restore, no compile).
/// </summary>
public sealed class ServiceBusBindingSwitchTests
{
    private const string OfficialPackage = "Microsoft.Azure.Functions.Worker.Extensions.ServiceBus";

    [Fact]
    public async Task A_plain_build_uses_the_declaration_and_not_the_official_package()
    {
        var project = await EvaluateAsync();

        Assert.Equal("Declared", project.Property);
        Assert.DoesNotContain(OfficialPackage, project.PackageReferences);
        Assert.Contains(project.Compile, file => file.StartsWith("ServiceBusDeclaration", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("-p:_IsPublishing=true")]
    [InlineData("-p:ServiceBusExtension=Official")]
    public async Task Publishing_or_the_switch_selects_the_official_package_and_drops_the_declaration(string property)
    {
        var project = await EvaluateAsync(property);

        Assert.Equal("Official", project.Property);
        Assert.Contains(OfficialPackage, project.PackageReferences);
        Assert.DoesNotContain(project.Compile, file => file.StartsWith("ServiceBusDeclaration", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Publishing_the_declared_build_is_refused_with_the_reason()
    {
        var (exitCode, output) = await MsBuildAsync("-t:PrepareForPublish", "-p:ServiceBusExtension=Declared");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("error OC0001: Refusing to publish with ServiceBusExtension=Declared", output);
    }

    [Fact]
    public async Task An_unknown_switch_value_fails_the_build()
    {
        var (exitCode, output) = await MsBuildAsync("-t:PrepareForBuild", "-p:ServiceBusExtension=Bogus");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("ServiceBusExtension must be Official or Declared", output);
    }

    private static async Task<EvaluatedProject> EvaluateAsync(params string[] properties)
    {
        var (exitCode, output) = await MsBuildAsync(
            [.. properties, "-getProperty:ServiceBusExtension", "-getItem:PackageReference", "-getItem:Compile"]);
        Assert.True(exitCode == 0, output);
        using var json = JsonDocument.Parse(output);
        var items = json.RootElement.GetProperty("Items");
        return new EvaluatedProject(
            json.RootElement.GetProperty("Properties").GetProperty("ServiceBusExtension").GetString()!,
            Identities(items, "PackageReference"),
            Identities(items, "Compile"));
    }

    private static string[] Identities(JsonElement items, string type) =>
        [.. items.GetProperty(type).EnumerateArray().Select(i => i.GetProperty("Identity").GetString()!.Replace('\\', '/'))];

    private static async Task<(int ExitCode, string Output)> MsBuildAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        // MSBuild reads environment variables as properties; the switch may be exported in a developer's shell.
        start.Environment.Remove("ServiceBusExtension");
        foreach (var argument in (string[])["msbuild", ProjectFile(), "-nologo", .. arguments])
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }

    private static string ProjectFile()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "OrderCloseFunctions", "OrderCloseFunctions.csproj");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new FileNotFoundException("OrderCloseFunctions/OrderCloseFunctions.csproj is not above the test output folder.");
    }

    private sealed record EvaluatedProject(string Property, string[] PackageReferences, string[] Compile);
}
