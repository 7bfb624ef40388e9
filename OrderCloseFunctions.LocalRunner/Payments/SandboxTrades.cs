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
        CREATE TABLE IF NOT EXISTS settings (
            name  TEXT NOT NULL PRIMARY KEY,
            value BLOB NOT NULL
        );
        """;

    public Task<SandboxTrade?> FindAsync(string outTradeNo) => database.ReadAsync(db => Read(db, outTradeNo));

    /// <summary>The buyer pays: a new or already paid trade is paid; a closed one refuses.</summary>
    public Task<(SandboxPayResult Result, SandboxTrade? Trade)> PayAsync(string outTradeNo) => database.WriteAsync(db =>
    {
        switch (Read(db, outTradeNo))
        {
            case { State: TradeState.Closed }:
                return (SandboxPayResult.Closed, null);
            case { } paid:
                return (SandboxPayResult.AlreadyPaid, paid);
        }
        var trade = new SandboxTrade(outTradeNo, NewTradeNo(), TradeState.Paid, clock.GetUtcNow());
        db.Command("INSERT INTO trades (out_trade_no, trade_no, state, paid_at) VALUES (@id, @tradeNo, 'PAID', @paidAt)",
            ("@id", outTradeNo), ("@tradeNo", trade.TradeNo), ("@paidAt", trade.PaidAt!.Value.ToUnixTimeMilliseconds())).ExecuteNonQuery();
        return ((SandboxPayResult, SandboxTrade?))(SandboxPayResult.Paid, trade);
    });

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
    public Task<byte[]> SigningKeyAsync() => database.WriteAsync(db =>
    {
        if (db.Command("SELECT value FROM settings WHERE name = 'signing_key'").ExecuteScalar() is byte[] key)
        {
            return key;
        }
        var made = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
        db.Command("INSERT INTO settings (name, value) VALUES ('signing_key', @key)", ("@key", made)).ExecuteNonQuery();
        return made;
    });

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

    private static string NewTradeNo() => "SBX" + Guid.NewGuid().ToString("N")[..20].ToUpperInvariant();
}
