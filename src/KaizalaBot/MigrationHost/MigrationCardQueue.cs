using System.Threading.Channels;

namespace KaizalaBot.MigrationHost;

/// <summary>
/// Hands card work from the engine and the turns to <see cref="MigrationCardSender"/>, so no caller waits on Teams (and a
/// command's turn never waits on a proactive turn of its own conversation, whose lock it holds).
/// </summary>
internal sealed class MigrationCardQueue
{
    private readonly Channel<MigrationCardJob> _jobs = Channel.CreateUnbounded<MigrationCardJob>(new UnboundedChannelOptions { SingleReader = true });

    public ChannelReader<MigrationCardJob> Reader => _jobs.Reader;

    public void Enqueue(MigrationCardJob job) => _jobs.Writer.TryWrite(job);
}
