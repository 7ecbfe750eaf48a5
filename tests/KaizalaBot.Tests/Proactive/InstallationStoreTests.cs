using System.Text.Json;
using KaizalaBot.BotFramework.Schema;
using KaizalaBot.Proactive;
using KaizalaBot.Storage.Memory;
using KaizalaBot.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace KaizalaBot.Tests.Proactive;

public sealed class InstallationStoreTests
{
    private readonly MemoryStorage _storage = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly InstallationStore _store;
    private readonly TeamsActivities _seller = new(new Uri("https://smba.trafficmanager.net/emea/"));

    public InstallationStoreTests()
    {
        _store = new InstallationStore(_storage, _time, NullLogger<InstallationStore>.Instance);
    }

    [Fact]
    public async Task SaveAsync_TwoEventsOfOneInstall_WelcomesOnce()
    {
        var first = await _store.SaveAsync(_seller.InstallationAdd(), CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(3));
        var second = await _store.SaveAsync(_seller.BotAdded(), CancellationToken.None);

        Assert.True(first!.ShouldWelcome);
        Assert.True(first.Created);
        Assert.False(second!.ShouldWelcome);
        Assert.False(second.Created);
    }

    [Fact]
    public async Task SaveAsync_ConcurrentEventsOfOneInstall_WelcomeExactlyOnce()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Task.Run(() => _store.SaveAsync(i % 2 == 0 ? _seller.InstallationAdd() : _seller.BotAdded(), CancellationToken.None))));

        Assert.Single(results, r => r!.ShouldWelcome);
    }

    [Fact]
    public async Task SaveAsync_AddAgainAfterTheWindowWithoutRemove_WelcomesAgain()
    {
        await _store.SaveAsync(_seller.InstallationAdd(), CancellationToken.None);
        _time.Advance(InstallationStore.InstallEventWindow + TimeSpan.FromSeconds(1));

        var again = await _store.SaveAsync(_seller.InstallationAdd(), CancellationToken.None);

        Assert.True(again!.ShouldWelcome);
        Assert.False(again.Created);
    }

    [Fact]
    public async Task RefreshAsync_UnchangedReference_WritesNothingAndNeverWelcomes()
    {
        await _store.SaveAsync(_seller.InstallationAdd(), CancellationToken.None);
        var key = $"installations/{TeamsActivities.TenantId}/personal/{TeamsActivities.SellerAadId}";
        var before = (await _storage.ReadAsync(key, CancellationToken.None))!.ETag;
        _time.Advance(TimeSpan.FromHours(1));

        var refreshed = await _store.RefreshAsync(_seller.Message("help"), CancellationToken.None);

        Assert.False(refreshed!.ShouldWelcome);
        Assert.Equal(before, (await _storage.ReadAsync(key, CancellationToken.None))!.ETag);
    }

    [Fact]
    public async Task SaveAsync_ChannelInstall_IsKeyedByConversationWithoutAUser()
    {
        var channel = _seller.InstallationAdd() with
        {
            Conversation = new ConversationAccount { Id = "19:abc@thread.tacv2", ConversationType = "channel", TenantId = TeamsActivities.TenantId },
        };

        var saved = await _store.SaveAsync(channel, CancellationToken.None);

        Assert.Equal(InstallationScope.Channel, saved!.Installation.Scope);
        Assert.Null(saved.Installation.Reference.User);
        Assert.Null(saved.Installation.UserAadObjectId);
        var keys = await _store.ListKeysAsync(TeamsActivities.TenantId, CancellationToken.None).ToListAsync();
        Assert.Equal([$"installations/{TeamsActivities.TenantId}/conversations/19:abc@thread.tacv2"], keys);
    }

    [Fact]
    public async Task RefreshAsync_MessageInAChannelThread_RefreshesTheChannelItself()
    {
        var channel = new ConversationAccount { Id = "19:abc@thread.tacv2", ConversationType = "channel", TenantId = TeamsActivities.TenantId };
        await _store.SaveAsync(_seller.BotAdded() with { Conversation = channel }, CancellationToken.None);
        var moved = new TeamsActivities(new Uri("https://smba.trafficmanager.net/amer/"));

        var refreshed = await _store.RefreshAsync(
            moved.Message("expiring") with { Conversation = channel with { Id = "19:abc@thread.tacv2;messageid=1764495600000" } }, CancellationToken.None);

        var keys = await _store.ListKeysAsync(TeamsActivities.TenantId, CancellationToken.None).ToListAsync();
        Assert.Equal([$"installations/{TeamsActivities.TenantId}/conversations/19:abc@thread.tacv2"], keys);
        Assert.Equal("19:abc@thread.tacv2", refreshed!.Installation.Reference.Conversation!.Id);
        Assert.Equal("https://smba.trafficmanager.net/amer/", refreshed.Installation.Reference.ServiceUrl);
    }

    [Fact]
    public async Task SaveAsync_ActivityWithoutTenant_SavesNothing()
    {
        var anonymous = _seller.InstallationAdd() with
        {
            Conversation = new ConversationAccount { Id = "a:x", ConversationType = "personal" },
            ChannelData = JsonDocument.Parse("{}").RootElement.Clone(),
        };

        var saved = await _store.SaveAsync(anonymous, CancellationToken.None);

        Assert.Null(saved);
        Assert.Empty(await _store.ListKeysAsync(null, CancellationToken.None).ToListAsync());
    }
}
