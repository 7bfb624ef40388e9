using System.Reflection;

namespace OrderClose.Tests.Infra;

/// <summary>Files of the repository the infra tests compare with the template.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = Path.GetFullPath(Path.Combine(typeof(RepositoryFiles).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(attribute => attribute.Key == "TestProjectDirectory").Value!, ".."));

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    public static string Read(params string[] parts) => File.ReadAllText(PathOf(parts));
}
