using System.Globalization;
using System.Text;

namespace OrderClose.Tools.Bench;

/// <summary>The two-column table the bench and chaos commands print: names padded to one width, then values.</summary>
public static class ReportTable
{
    public static string Format(IReadOnlyCollection<(string Name, string Value)> rows)
    {
        var width = rows.Max(r => r.Name.Length);
        var table = new StringBuilder();
        foreach (var (name, value) in rows)
        {
            table.Append(CultureInfo.InvariantCulture, $"{name.PadRight(width)}  {value}\n");
        }
        return table.ToString();
    }
}
