// Declared mode only (see README, "The Service Bus binding switch"): the same public surface as
// Microsoft.Azure.Functions.Worker.Extensions.ServiceBus 5.23.0 (the listing in the tests'
// ServiceBusDeclaration/official-5.23.0-surface.txt, compared by DeclaredSurfaceTests), so functions.metadata comes out the same.
// The official package also brings the host extension that makes the trigger fire; this does not.
using Microsoft.Azure.Functions.Worker.Converters;
using Microsoft.Azure.Functions.Worker.Extensions.Abstractions;

namespace Microsoft.Azure.Functions.Worker;

[ConverterFallbackBehavior(ConverterFallbackBehavior.Default)]
[InputConverter(typeof(ServiceBusReceivedMessageConverter))]
public sealed class ServiceBusTriggerAttribute : TriggerBindingAttribute, ISupportCardinality
{
    public ServiceBusTriggerAttribute(string queueName) => QueueName = queueName;

    public ServiceBusTriggerAttribute(string topicName, string subscriptionName)
    {
        TopicName = topicName;
        SubscriptionName = subscriptionName;
    }

    public string? Connection { get; set; }
    public string? QueueName { get; }
    public string? TopicName { get; }
    public string? SubscriptionName { get; }
    public bool IsSessionsEnabled { get; set; }

    /// <summary>As in 5.23.0: no default of its own, so a trigger that does not set it emits nothing and host.json decides.</summary>
    public bool AutoCompleteMessages { get; set; }

    [DefaultValue(false)]
    public bool IsBatched { get; set; }

    Cardinality ISupportCardinality.Cardinality
    {
        get => IsBatched ? Cardinality.Many : Cardinality.One;
        set => IsBatched = value == Cardinality.Many;
    }
}
