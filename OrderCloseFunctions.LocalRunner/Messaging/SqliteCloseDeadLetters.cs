using OrderClose.LocalRunner.Storage;
using OrderClose.Messaging;
using OrderClose.Orders.Ports;

namespace OrderClose.LocalRunner.Messaging;

/// <summary>
/// Re-drives the local queue's dead letters as <see cref="ServiceBusCloseDeadLetters"/> re-drives Service Bus's: each
/// readable close is scheduled again through the <see cref="ICloseScheduler"/>, then removed; an unreadable one stays.
/// Scheduling comes first and its id is fixed per dead letter, so a crash in between re-drives it once, not twice.
/// </summary>
public sealed class SqliteCloseDeadLetters(SqliteDatabase database, ICloseScheduler scheduler, TimeProvider clock) : ICloseDeadLetters
{
    public async Task<RedriveResult> RedriveAsync(int max, CancellationToken cancellationToken)
    {
        var deadLetters = await database.ReadAsync(db =>
        {
            using var reader = db.Command(
                "SELECT sequence_number, body FROM messages WHERE dead_letter_reason IS NOT NULL ORDER BY sequence_number LIMIT @max",
                ("@max", max)).ExecuteReader();
            var found = new List<(long SequenceNumber, BinaryData Body)>();
            while (reader.Read())
            {
                found.Add((reader.GetInt64(0), BinaryData.FromBytes((byte[])reader.GetValue(1))));
            }
            return found;
        });

        int redriven = 0, unreadable = 0;
        foreach (var (sequenceNumber, body) in deadLetters)
        {
            if (CloseOrderMessage.TryParse(body, out _) is not { } close)
            {
                unreadable++;
                continue;
            }
            await scheduler.ScheduleAsync(
                CloseSchedule.Redriven(close.OutTradeNo, close.PayDeadline, sequenceNumber, clock.GetUtcNow()), cancellationToken);
            await database.WriteAsync(db => db.Command(
                "DELETE FROM messages WHERE sequence_number = @sequenceNumber AND dead_letter_reason IS NOT NULL",
                ("@sequenceNumber", sequenceNumber)).ExecuteNonQuery());
            redriven++;
        }
        return new RedriveResult(redriven, unreadable);
    }
}
