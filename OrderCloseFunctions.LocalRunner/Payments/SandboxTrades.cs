using OrderClose.LocalRunner.Storage;
using OrderClose.Orders.Ports;

namespace OrderClose.LocalRunner.Payments;

public enum SandboxPayResult
{
    Paid,
    AlreadyPaid,

    /// <summary>The merchant closed the trade: the cashier refuses the payment.</summary>
    Closed,
}

/// <summary>A refund the sandbox made.</summary>
public sealed record SandboxRefund(string OutRequestNo, string OutTradeNo, string RefundNo, long Amount, DateTimeOffset RefundedAt);

/// <summary>A trade the sandbox knows: paid at the cashier, or closed by the merchant.</summary>
public sealed record SandboxTrade(string OutTradeNo, string TradeNo, TradeState State, DateTimeOffset? PaidAt);

/// <summary>The sandbox provider's ledger in SQLite. A trade exists once the buyer paid or the merchant closed it.</summary>
public sealed class SandboxTrades(SqliteDatabase database, TimeProvider clock)
{
    public const string Schema = """
        CREATE TABLE IF NOT EXISTS trades (
            out_trade_no TEXT    NOT NULL PRIMARY KEY,
            trade_no     TEXT    NOT NULL,
            state        TEXT    NOT NULL CHECK (state IN ('PAID', 'CLOSED')),
            paid_at      INTEGER
        );
        -- One row per refund request number: asking again with the same number finds the refund made, and the number
        -- of rows of a trade is how many times it was refunded.
        CREATE TABLE IF NOT EXISTS refunds (
            out_request_no TEXT    NOT NULL PRIMARY KEY,
            out_trade_no   TEXT    NOT NULL,
            refund_no      TEXT    NOT NULL,
            amount         INTEGER NOT NULL,
            refunded_at    INTEGER NOT NULL
        );
        CREATE INDEX IF NOT EXISTS refunds_trade ON refunds (out_trade_no);
        """ + SqliteKeys.Schema;

    public Task<SandboxTrade?> FindAsync(string outTradeNo) => database.ReadAsync(db => Read(db, outTradeNo));

    /// <summary>The buyer pays: a new or already paid trade is paid; a closed one refuses.</summary>
    public Task<(SandboxPayResult Result, SandboxTrade? Trade)> PayAsync(string outTradeNo) => PayAsync(outTradeNo, closedRefuses: true);

    /// <summary>
    /// The buyer pays through a cashier opened without an expiry before the merchant's close: the close found no trade
    /// (the sandbox makes a trade only when it is paid or closed), so it does not bind that cashier, and a closed trade
    /// is paid all the same. What Alipay does with a link made without <c>time_expire</c> when the close answered
    /// <c>ACQ.TRADE_NOT_EXIST</c>.
    /// </summary>
    public Task<(SandboxPayResult Result, SandboxTrade? Trade)> PayLateAsync(string outTradeNo) => PayAsync(outTradeNo, closedRefuses: false);

    private Task<(SandboxPayResult Result, SandboxTrade? Trade)> PayAsync(string outTradeNo, bool closedRefuses) => database.WriteAsync(db =>
    {
        switch (Read(db, outTradeNo))
        {
            case { State: TradeState.Closed } when closedRefuses:
                return (SandboxPayResult.Closed, null);
            case { State: TradeState.Paid } paid:
                return (SandboxPayResult.AlreadyPaid, paid);
        }
        var trade = new SandboxTrade(outTradeNo, NewTradeNo(), TradeState.Paid, clock.GetUtcNow());
        db.Command("""
            INSERT INTO trades (out_trade_no, trade_no, state, paid_at) VALUES (@id, @tradeNo, 'PAID', @paidAt)
            ON CONFLICT (out_trade_no) DO UPDATE SET trade_no = excluded.trade_no, state = 'PAID', paid_at = excluded.paid_at
            """,
            ("@id", outTradeNo), ("@tradeNo", trade.TradeNo), ("@paidAt", trade.PaidAt!.Value.ToUnixTimeMilliseconds())).ExecuteNonQuery();
        return ((SandboxPayResult, SandboxTrade?))(SandboxPayResult.Paid, trade);
    });

    /// <summary>
    /// Refunds <paramref name="amount"/> of a paid trade under the merchant's <paramref name="outRequestNo"/>: the same
    /// number again answers the refund made, never a second one. Null when the trade is not paid (nothing to refund).
    /// </summary>
    public Task<SandboxRefund?> RefundAsync(string outTradeNo, string outRequestNo, long amount) => database.WriteAsync(db =>
    {
        if (ReadRefund(db, outRequestNo) is { } made)
        {
            return made.OutTradeNo == outTradeNo ? made : null;
        }
        if (Read(db, outTradeNo) is not { State: TradeState.Paid })
        {
            return null;
        }
        var refund = new SandboxRefund(outRequestNo, outTradeNo, "SBXR" + Guid.NewGuid().ToString("N")[..20].ToUpperInvariant(), amount, clock.GetUtcNow());
        db.Command("""
            INSERT INTO refunds (out_request_no, out_trade_no, refund_no, amount, refunded_at)
            VALUES (@requestNo, @id, @refundNo, @amount, @refundedAt)
            """, ("@requestNo", outRequestNo), ("@id", outTradeNo), ("@refundNo", refund.RefundNo), ("@amount", amount),
            ("@refundedAt", refund.RefundedAt.ToUnixTimeMilliseconds())).ExecuteNonQuery();
        return (SandboxRefund?)refund;
    });

    /// <summary>Every refund made of a trade, whatever its request number: more than one is a trade refunded twice.</summary>
    public Task<int> RefundCountAsync(string outTradeNo) => database.ReadAsync(db =>
        (int)(long)db.Command("SELECT COUNT(*) FROM refunds WHERE out_trade_no = @id", ("@id", outTradeNo)).ExecuteScalar()!);

    /// <summary>The merchant closes the trade, so it can no longer be paid, even one the buyer never opened.</summary>
    public Task<TradeCloseResult> CloseAsync(string outTradeNo) => database.WriteAsync(db =>
    {
        switch (Read(db, outTradeNo))
        {
            case { State: TradeState.Paid }:
                return TradeCloseResult.AlreadyPaid;
            case { }:
                return TradeCloseResult.Closed;
        }
        db.Command("INSERT INTO trades (out_trade_no, trade_no, state) VALUES (@id, @tradeNo, 'CLOSED')",
            ("@id", outTradeNo), ("@tradeNo", NewTradeNo())).ExecuteNonQuery();
        return TradeCloseResult.NotExist;
    });

    /// <summary>The notification signing key, made at random the first time for this data folder.</summary>
    public Task<byte[]> SigningKeyAsync() => SqliteKeys.GetOrMakeAsync(database, "signing_key");

    private static SandboxTrade? Read(SqliteSession db, string outTradeNo)
    {
        using var reader = db.Command("SELECT trade_no, state, paid_at FROM trades WHERE out_trade_no = @id", ("@id", outTradeNo)).ExecuteReader();
        return reader.Read()
            ? new SandboxTrade(
                outTradeNo,
                reader.GetString(0),
                reader.GetString(1) == "PAID" ? TradeState.Paid : TradeState.Closed,
                reader.IsDBNull(2) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)))
            : null;
    }

    private static SandboxRefund? ReadRefund(SqliteSession db, string outRequestNo)
    {
        using var reader = db.Command("SELECT out_trade_no, refund_no, amount, refunded_at FROM refunds WHERE out_request_no = @requestNo",
            ("@requestNo", outRequestNo)).ExecuteReader();
        return reader.Read()
            ? new SandboxRefund(outRequestNo, reader.GetString(0), reader.GetString(1), reader.GetInt64(2),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)))
            : null;
    }

    private static string NewTradeNo() => "SBX" + Guid.NewGuid().ToString("N")[..20].ToUpperInvariant();
}
