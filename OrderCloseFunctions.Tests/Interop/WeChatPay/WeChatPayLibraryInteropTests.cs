using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OrderClose.Orders.Ports;
using OrderClose.Tests.Payments.WeChatPay;
using OrderClose.Stubs.WeChatPay;

namespace OrderClose.Tests.Interop.WeChatPay;

/// <summary>The project's WeChat Pay API v3 signatures, answers and callbacks, held against npm wechatpay-axios-plugin.</summary>
public sealed class WeChatPayLibraryInteropTests
{
    private const string QueryPath = "/v3/pay/transactions/out-trade-no/T1";
    private const string ClosePath = "/v3/pay/transactions/out-trade-no/T1/close";
    private static readonly string Unpaid = $$"""{"appid":"{{WeChatPayTestAccount.AppId}}","mchid":"{{WeChatPayTestAccount.MchId}}","out_trade_no":"T1","trade_state":"NOTPAY"}""";

    [Fact]
    public async Task The_library_s_signed_query_passes_the_stub_s_check_and_it_reads_the_stub_s_signed_answer()
    {
        await using var gateway = await WeChatPayGatewayStub.StartAsync(WeChatPayTestAccount.Account, TimeProvider.System);
        gateway.Respond = _ => new StubReply(200, Unpaid);

        var answer = await WeChatPayLibrary.CallAsync(gateway.BaseUrl, "GET", QueryPath[1..], query: new { mchid = WeChatPayTestAccount.MchId });

        var request = Assert.Single(gateway.Requests);
        Assert.True(request.AuthorizationValid, request.Authorization);
        Assert.Equal($"{QueryPath}?mchid={WeChatPayTestAccount.MchId}", request.Url);
        Assert.Null(answer.Error);
        Assert.Equal(200, answer.Status);
        Assert.Equal("NOTPAY", answer.Data!.Value.GetProperty("trade_state").GetString());
    }

    [Fact]
    public async Task The_library_s_signed_close_passes_the_stub_s_check_and_it_accepts_the_stub_s_signed_204()
    {
        await using var gateway = await WeChatPayGatewayStub.StartAsync(WeChatPayTestAccount.Account, TimeProvider.System);
        gateway.Respond = _ => new StubReply(204);

        var answer = await WeChatPayLibrary.CallAsync(gateway.BaseUrl, "POST", ClosePath[1..], data: new { mchid = WeChatPayTestAccount.MchId });

        var request = Assert.Single(gateway.Requests);
        Assert.True(request.AuthorizationValid, request.Authorization);
        Assert.Equal(WeChatPayTestAccount.MchId, JsonDocument.Parse(request.Body).RootElement.GetProperty("mchid").GetString());
        Assert.Equal((204, null), (answer.Status, answer.Error));
    }

    [Fact]
    public async Task The_library_refuses_a_stub_answer_changed_after_signing_so_its_acceptance_means_something()
    {
        await using var gateway = await WeChatPayGatewayStub.StartAsync(WeChatPayTestAccount.Account, TimeProvider.System);
        gateway.Respond = _ => new StubReply(200, Unpaid.Replace("NOTPAY", "SUCCESS")) { SignedText = Unpaid };

        var answer = await WeChatPayLibrary.CallAsync(gateway.BaseUrl, "GET", QueryPath[1..], query: new { mchid = WeChatPayTestAccount.MchId });

        Assert.NotNull(answer.Error);
    }

    [Fact]
    public async Task The_stub_refuses_the_library_s_request_signed_with_another_key_so_its_check_means_something()
    {
        await using var gateway = await WeChatPayGatewayStub.StartAsync(WeChatPayTestAccount.Account, TimeProvider.System);
        gateway.Respond = _ => new StubReply(200, Unpaid);

        var answer = await WeChatPayLibrary.CallAsync(gateway.BaseUrl, "GET", QueryPath[1..], query: new { mchid = WeChatPayTestAccount.MchId },
            merchantKey: WeChatPayTestAccount.Stranger);

        Assert.False(Assert.Single(gateway.Requests).AuthorizationValid);
        Assert.Equal(401, answer.Status);
    }

    [Fact]
    public async Task The_library_s_Rsa_verify_refuses_the_project_s_header_for_another_request_so_its_acceptance_means_something()
    {
        var request = await SentByProjectAsync(provider => provider.QueryAsync("T1", CancellationToken.None));

        var check = await WeChatPayLibrary.VerifyAuthorizationAsync(request.Authorization!, request.Method, request.Url + "&x=1", request.Body);

        Assert.False(check.Valid);
    }

    [Theory]
    [InlineData("query")]
    [InlineData("close")]
    public async Task The_project_s_authorization_header_verifies_with_the_library_s_Rsa_verify(string operation)
    {
        var request = await SentByProjectAsync(provider => operation == "query"
            ? provider.QueryAsync("T1", CancellationToken.None)
            : provider.CloseAsync("T1", CancellationToken.None));

        var check = await WeChatPayLibrary.VerifyAuthorizationAsync(request.Authorization!, request.Method, request.Url, request.Body);

        Assert.True(check.Valid, request.Authorization);
        Assert.Equal(WeChatPayTestAccount.MchId, check.Fields["mchid"]);
        Assert.Equal(WeChatPayTestAccount.MerchantSerialNo, check.Fields["serial_no"]);
    }

    [Fact]
    public async Task A_callback_the_library_encrypts_and_signs_is_read()
    {
        var callback = await WeChatPayLibrary.CallbackAsync(WeChatPayCallbacks.Transaction().ToJsonString(), WeChatPayServices.Now);

        var notification = Verify(callback);

        Assert.Equal(new PaymentNotification("T1", true, 1999, new DateTimeOffset(2024, 5, 1, 16, 30, 5, TimeSpan.Zero),
            "4200000000202405020000000001"), notification);
    }

    [Theory]
    [InlineData("body")]
    [InlineData("ciphertext")]
    [InlineData("signature")]
    [InlineData("serial")]
    [InlineData("timestamp")]
    public async Task A_tampered_copy_of_the_library_s_callback_is_refused(string tampering)
    {
        var callback = await WeChatPayLibrary.CallbackAsync(WeChatPayCallbacks.Transaction().ToJsonString(), WeChatPayServices.Now);
        Assert.NotNull(Verify(callback));
        var headers = new Dictionary<string, string>(callback.Headers);
        var body = callback.Body;
        switch (tampering)
        {
            case "body":
                body = body.Replace("EV-2018022511223320873", "EV-2018022511223320874");
                break;
            case "ciphertext":
                var envelope = System.Text.Json.Nodes.JsonNode.Parse(body)!;
                var ciphertext = envelope["resource"]!["ciphertext"]!.GetValue<string>();
                envelope["resource"]!["ciphertext"] = (ciphertext[0] == 'A' ? "B" : "A") + ciphertext[1..];
                body = envelope.ToJsonString();
                break;
            case "signature":
                headers["Wechatpay-Signature"] = Convert.ToBase64String(new byte[256]);
                break;
            case "serial":
                headers["Wechatpay-Serial"] = "PUB_KEY_ID_OTHER";
                break;
            case "timestamp":
                headers["Wechatpay-Timestamp"] = (long.Parse(headers["Wechatpay-Timestamp"]) + 1).ToString();
                break;
        }

        Assert.Null(Verify(new NotificationRequest(body, headers)));
    }

    [Fact]
    public async Task A_callback_the_library_signs_with_another_key_is_refused()
    {
        var callback = await WeChatPayLibrary.CallbackAsync(WeChatPayCallbacks.Transaction().ToJsonString(), WeChatPayServices.Now, WeChatPayTestAccount.Stranger);

        Assert.Null(Verify(callback));
    }

    [Fact]
    public async Task A_callback_the_library_signed_more_than_five_minutes_ago_is_refused_as_a_replay()
    {
        var callback = await WeChatPayLibrary.CallbackAsync(WeChatPayCallbacks.Transaction().ToJsonString(), WeChatPayServices.Now.AddSeconds(-301));

        Assert.Null(Verify(callback));
    }

    /// <summary>What the project sent the stub for one call of its provider.</summary>
    private static async Task<StubRequest> SentByProjectAsync(Func<IPaymentProvider, Task> call)
    {
        await using var wechat = await WeChatPayHarness.StartAsync();
        wechat.Gateway.Respond = request => request.Method == "GET" ? new StubReply(200, Unpaid) : new StubReply(204);
        await call(wechat.Provider);
        return Assert.Single(wechat.Gateway.Requests);
    }

    private static PaymentNotification? Verify(NotificationRequest request)
    {
        using var services = WeChatPayServices.Build();
        return services.GetRequiredService<IPaymentProvider>().Verify(request);
    }
}
