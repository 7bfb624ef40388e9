namespace OrderClose.LocalRunner.Hosting;

/// <summary>Where the runner's SQLite files are: a folder, or nowhere (in memory).</summary>
public sealed record DataLocation(string? Directory)
{
    /// <summary>The path of <paramref name="fileName"/> in the folder (created on first use); null in memory.</summary>
    public string? File(string fileName)
    {
        if (Directory is null)
        {
            return null;
        }
        System.IO.Directory.CreateDirectory(Directory);
        return Path.Combine(Directory, fileName);
    }

    public override string ToString() => Directory ?? "in memory (nothing is written to disk)";
}
