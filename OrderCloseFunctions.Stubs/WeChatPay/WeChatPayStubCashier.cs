using System.Text;

namespace OrderClose.Stubs.WeChatPay;

/// <summary>
/// The buyer pays at WeChat Pay, and WeChat Pay posts its signed, encrypted callback to the <c>notify_url</c> the
/// Native order named, as it would. A payment in time sends it once, or not at all when told to lose it (the close's
/// query must then find the payment); a late payment sends it again until the app accepts it, as WeChat Pay retries
/// its callbacks, since no close is left to find that payment.
/// </summary>
public sealed class WeChatPayStubCashier(WeChatPayStubTrades trades, HttpClient http, TimeProvider clock)
{
    private const int LateCallbackAttempts = 20;
    private static readonly TimeSpan LateCallbackBackoff = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan LongestBackoff = TimeSpan.FromSeconds(1);

    private long _sent;
    private long _accepted;
    private long _withheld;

    /// <summary>Callbacks posted to the app, each attempt counted.</summary>
    public long CallbacksSent => Interlocked.Read(ref _sent);

    /// <summary>Callbacks the app answered with 2xx.</summary>
    public long CallbacksAccepted => Interlocked.Read(ref _accepted);

    /// <summary>Payments whose callback was lost on purpose, never sent.</summary>
    public long CallbacksWithheld => Interlocked.Read(ref _withheld);

    /// <summary>The buyer pays in time; false when WeChat Pay refuses (closed, expired, unknown, paid).</summary>
    /// <param name="loseCallback">Pay, but never send the callback.</param>
    public async Task<bool> PayAsync(string outTradeNo, bool loseCallback, CancellationToken cancellationToken)
    {
        if (!trades.TryPay(outTradeNo, out var transaction))
        {
            return false;
        }
        if (loseCallback)
        {
            Interlocked.Increment(ref _withheld);
            return true;
        }
        await NotifyAsync(outTradeNo, transaction, cancellationToken);
        return true;
    }

    /// <summary>A payment the close did not stop (<see cref="WeChatPayStubTrades.TryPayLate"/>); its callback is sent until accepted, a few times.</summary>
    public async Task<bool> PayLateAsync(string outTradeNo, CancellationToken cancellationToken)
    {
        if (!trades.TryPayLate(outTradeNo, out var transaction))
        {
            return false;
        }
        for (var attempt = 1; !await NotifyAsync(outTradeNo, transaction, cancellationToken) && attempt < LateCallbackAttempts; attempt++)
        {
            var backoff = LateCallbackBackoff * attempt;
            await Task.Delay(backoff < LongestBackoff ? backoff : LongestBackoff, clock, cancellationToken);
        }
        return true;
    }

    /// <summary>Posts the callback, signed now; true when the app accepted it (2xx).</summary>
    private async Task<bool> NotifyAsync(string outTradeNo, string transaction, CancellationToken cancellationToken)
    {
        var notifyUrl = trades.NotifyUrlOf(outTradeNo)
            ?? throw new InvalidOperationException($"Trade {outTradeNo} was opened without a Native order, so it has no notify_url to call back.");
        var callback = trades.Callback(transaction);
        using var request = new HttpRequestMessage(HttpMethod.Post, notifyUrl)
        {
            Content = new StringContent(callback.Body, Encoding.UTF8, "application/json"),
        };
        foreach (var (name, value) in callback.Headers)
        {
            request.Headers.Add(name, value);
        }
        Interlocked.Increment(ref _sent);
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                Interlocked.Increment(ref _accepted);
                return true;
            }
            return false;
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException
                                              || (exception is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // The app is down or too slow: WeChat Pay would try again later; this payment's close (or the next try) finds it.
            return false;
        }
    }
}
