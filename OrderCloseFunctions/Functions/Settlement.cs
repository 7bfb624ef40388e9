namespace OrderClose.Functions;

/// <summary>What to do with a received close message once its outcome is known.</summary>
public abstract record Settlement
{
    public static readonly Settlement Complete = new CompleteSettlement();
    public static readonly Settlement Abandon = new AbandonSettlement();

    public static Settlement DeadLetter(string reason, string description) => new DeadLetterSettlement(reason, description);
}

public sealed record CompleteSettlement : Settlement;

/// <summary>Let Service Bus deliver it again (DeliveryCount + 1), up to the queue's max delivery count.</summary>
public sealed record AbandonSettlement : Settlement;

/// <summary>It can never succeed: park it in the dead-letter queue with the reason.</summary>
public sealed record DeadLetterSettlement(string Reason, string Description) : Settlement;
