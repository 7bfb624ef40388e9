using OrderClose.LocalRunner.Events;
using OrderClose.LocalRunner.Storage;

namespace OrderClose.Tests.LocalRunner;

/// <summary>The runner's local topic: durable, read back in order by sequence, an id published again kept once and counted.</summary>
public sealed class SqliteEventTopicTests : IDisposable
{
    private static readonly DateTimeOffset At = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("orderclose-topic-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task Events_are_read_back_in_order_after_a_sequence_and_a_repeated_id_is_kept_once_and_counted()
    {
        using var database = Open();
        var topic = new SqliteEventTopic(database, new TopicAppended());

        Assert.True(await topic.AppendAsync("T1:1:paid", "orderclose.order.paid", "T1", "{\"id\":\"T1:1:paid\"}", At));
        Assert.True(await topic.AppendAsync("T2:1:cancelled", "orderclose.order.cancelled", "T2", "{}", At));
        Assert.False(await topic.AppendAsync("T1:1:paid", "orderclose.order.paid", "T1", "{\"id\":\"T1:1:paid\"}", At));

        var all = await topic.ReadAsync(0, 10);
        var after = await topic.ReadAsync(all[0].Sequence, 10);

        Assert.Equal(["T1:1:paid", "T2:1:cancelled"], all.Select(e => e.Id));
        Assert.Equal([1L, 0L], all.Select(e => e.Duplicates));
        Assert.Equal("{\"id\":\"T1:1:paid\"}", all[0].Json);
        Assert.Equal(["T2:1:cancelled"], after.Select(e => e.Id));
        Assert.Single(await topic.ReadAsync(0, 1));
    }

    [Fact]
    public async Task What_was_appended_is_there_after_a_restart()
    {
        using (var database = Open())
        {
            await new SqliteEventTopic(database, new TopicAppended()).AppendAsync("T1:1:paid", "orderclose.order.paid", "T1", "{}", At);
        }

        using var reopened = Open();
        Assert.Equal("T1:1:paid", Assert.Single(await new SqliteEventTopic(reopened, new TopicAppended()).ReadAsync(0, 10)).Id);
    }

    private SqliteDatabase Open() => SqliteDatabase.Open(Path.Combine(_folder.FullName, "events.db"), "events", SqliteEventTopic.Schema);
}
