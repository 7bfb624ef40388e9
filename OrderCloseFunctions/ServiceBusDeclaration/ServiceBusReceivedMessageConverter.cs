// Declared mode only: advertises deferred binding of ServiceBusReceivedMessage, as the official converter
// does, so the generated binding metadata matches. A declared-mode build is never run by the Functions host
// (publish refuses it), so the conversion itself refuses with the reason.
using Azure.Messaging.ServiceBus;
using Microsoft.Azure.Functions.Worker.Converters;
using Microsoft.Azure.Functions.Worker.Extensions.Abstractions;

namespace Microsoft.Azure.Functions.Worker;

// The analyzer expects this attribute on binding attributes; the official extension, too, puts it on its converter.
#pragma warning disable AZFW0009
[SupportsDeferredBinding]
#pragma warning restore AZFW0009
[SupportedTargetType(typeof(ServiceBusReceivedMessage))]
[SupportedTargetType(typeof(ServiceBusReceivedMessage[]))]
internal sealed class ServiceBusReceivedMessageConverter : IInputConverter
{
    public ValueTask<ConversionResult> ConvertAsync(ConverterContext context) =>
        ValueTask.FromResult(ConversionResult.Failed(new NotSupportedException(
            "This build declares the Service Bus binding without its extension (ServiceBusExtension=Declared). " +
            "Build with -p:ServiceBusExtension=Official to run under the Functions host.")));
}
