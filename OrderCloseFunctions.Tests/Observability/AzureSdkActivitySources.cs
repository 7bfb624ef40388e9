using System.Runtime.CompilerServices;

namespace OrderClose.Tests.Observability;

internal static class AzureSdkActivitySources
{
    /// <summary>
    /// The Azure SDKs read <c>Azure.Experimental.EnableActivitySource</c> once per process, when their first client is
    /// used. The app sets it at start-up (<see cref="OrderClose.Telemetry.WithOrderCloseSignals"/>), before any client;
    /// in this test process other tests' clients come first, so it is set as the assembly loads, as the app would have.
    /// </summary>
    [ModuleInitializer]
    internal static void EnableAsTheAppDoesAtStartUp() => AppContext.SetSwitch(OrderClose.Telemetry.AzureSdkActivitySwitch, true);
}
