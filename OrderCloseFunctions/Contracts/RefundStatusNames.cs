using OrderClose.Orders;

namespace OrderClose.Contracts;

/// <summary>
/// The names refund statuses have outside the process (stored documents, the HTTP API, the ops list): fixed here, like
/// <see cref="OrderStateNames"/>, so renaming the enum cannot change stored data or the API.
/// </summary>
public static class RefundStatusNames
{
    private static readonly IReadOnlyDictionary<RefundStatus, string> Names = new Dictionary<RefundStatus, string>
    {
        [RefundStatus.Pending] = "PENDING",
        [RefundStatus.Succeeded] = "SUCCEEDED",
        [RefundStatus.Failed] = "FAILED",
        [RefundStatus.Manual] = "MANUAL",
    };

    public static IReadOnlyCollection<string> All => [.. Names.Values];

    public static string Name(RefundStatus status) => Names.TryGetValue(status, out var name)
        ? name
        : throw new ArgumentOutOfRangeException(nameof(status), status, "No stored name for this refund status.");

    public static RefundStatus Parse(string name) => Names.FirstOrDefault(pair => pair.Value == name) is { Value: not null } found
        ? found.Key
        : throw new InvalidDataException($"Stored refund status '{name}' is not {string.Join(", ", Names.Values)}.");
}
