namespace OrderClose.Orders;

/// <summary>
/// What a use case decides for the message that brought it work: the function that received the message settles it
/// so. Messages are delivered at least once; a use case that handles one returns this instead of settling it itself.
/// </summary>
public abstract record Settlement
{
    public static readonly Settlement Complete = new CompleteSettlement();
    public static readonly Settlement Abandon = new AbandonSettlement();

    public static Settlement DeadLetter(string reason, string description) => new DeadLetterSettlement(reason, description);
}

/// <summary>Done, or nothing (more) to do: remove the message.</summary>
public sealed record CompleteSettlement : Settlement;

/// <summary>Let the queue deliver it again at once (delivery count + 1), up to the queue's max delivery count.</summary>
public sealed record AbandonSettlement : Settlement;

/// <summary>It can never succeed: park it in the dead-letter queue with the reason.</summary>
public sealed record DeadLetterSettlement(string Reason, string Description) : Settlement;
