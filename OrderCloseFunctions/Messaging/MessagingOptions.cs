using System.ComponentModel.DataAnnotations;

namespace OrderClose.Messaging;

/// <summary>
/// The close queue, the refund queue and the order events topic. The trigger reads the same settings (<c>%CloseQueueName%</c>,
/// <c>ServiceBusConnection</c>), so sender and receiver cannot point at different queues.
/// </summary>
public sealed class MessagingOptions
{
    public const string QueueNameSetting = "CloseQueueName";
    public const string ConnectionSetting = "ServiceBusConnection";
    public const string EventsTopicNameSetting = "OrderEventsTopicName";
    public const string RefundQueueNameSetting = "RefundQueueName";

    [Required, RegularExpression(@"^[A-Za-z0-9][A-Za-z0-9._/-]{0,259}\z")]
    public string CloseQueueName { get; set; } = "";

    [Required, RegularExpression("^[A-Za-z0-9][A-Za-z0-9._/-]{0,259}$")]
    public string OrderEventsTopicName { get; set; } = "";

    /// <summary>The queue of refund requests (<c>order-refund</c>), which RefundLatePayment's trigger reads too.</summary>
    [Required, RegularExpression(@"^[A-Za-z0-9][A-Za-z0-9._/-]{0,259}\z")]
    public string RefundQueueName { get; set; } = "";
}
