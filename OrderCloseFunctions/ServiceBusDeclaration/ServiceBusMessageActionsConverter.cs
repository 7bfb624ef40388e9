// Declared mode only: the converter the official ServiceBusMessageActions names in its [InputConverter]. The official
// one hands out actions over the host extension's gRPC settlement channel; a declared-mode build has no host extension
// (publish refuses it), so this one refuses with the reason.
using Microsoft.Azure.Functions.Worker.Converters;

namespace Microsoft.Azure.Functions.Worker;

internal sealed class ServiceBusMessageActionsConverter : IInputConverter
{
    public ValueTask<ConversionResult> ConvertAsync(ConverterContext context) =>
        ValueTask.FromResult(ConversionResult.Failed(new NotSupportedException(
            "This build declares ServiceBusMessageActions without the Service Bus extension (ServiceBusExtension=Declared). " +
            "Build with -p:ServiceBusExtension=Official to settle messages under the Functions host.")));
}
