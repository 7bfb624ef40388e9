namespace OrderClose.Messaging;

/// <summary>
/// The close messages the queue gave up on, and the way to send them again once their cause is fixed. An operator's
/// tool over the queue, not a step of any use case, so it lives with the queue rather than in <c>Orders/Ports</c>.
/// </summary>
public interface ICloseDeadLetters
{
    /// <summary>
    /// Schedules up to <paramref name="max"/> dead-lettered closes again for now, each as a new first attempt, and
    /// removes them from the dead letters. Those whose body cannot be read stay where they are.
    /// </summary>
    Task<RedriveResult> RedriveAsync(int max, CancellationToken cancellationToken);
}

/// <param name="Redriven">Closes scheduled again.</param>
/// <param name="Unreadable">Dead letters left in place because their body is not a close message.</param>
public sealed record RedriveResult(int Redriven, int Unreadable);
