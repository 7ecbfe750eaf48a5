using System.Text.Json;
using KaizalaBot.Migration;
using KaizalaBot.Migration.Expiry;
using KaizalaBot.Migration.Jobs;
using KaizalaBot.Migration.Notifications;
using KaizalaBot.Migration.Planning;
using KaizalaBot.Migration.Reminders;
using KaizalaBot.PartnerCenter;
using KaizalaBot.PartnerCenter.Simulator;
using KaizalaBot.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KaizalaBot.Reliability;

/// <summary>
/// What the migration dialog does when a seller confirms, through the engine's public services on the bot's own store:
/// take the recommended plan for the chosen Kaizala Pro holders, preview, confirm (the Migration record, Queued, with
/// the seller's conversation and the review card that becomes the progress card).
/// Until the conversation (issue 10) is on main this is how the harness starts migrations; the bot process runs them.
/// </summary>
internal sealed class SellerSide : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private SellerSide(ServiceProvider services) => _services = services;

    public static SellerSide Create(Uri partnerCenter, IReadOnlyDictionary<string, string> storage)
    {
        var settings = PartnerCenterSettings(partnerCenter).ToDictionary(s => s.Key, s => (string?)s.Value, StringComparer.Ordinal);
        foreach (var (key, value) in storage)
        {
            settings[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton(TimeProvider.System);
        services.AddKaizalaStorage(configuration);
        services.AddPartnerCenterClient(configuration);
        services.AddKaizalaMigration(configuration);
        services.AddSingleton<IMigrationNotifier, HarnessNotifier>();
        var provider = services.BuildServiceProvider(validateScopes: true);
        provider.GetService<IStartupValidator>()?.Validate();
        return new SellerSide(provider);
    }

    /// <summary>The simulator's demo partner credentials (public test values of the simulator, not secrets).</summary>
    public static Dictionary<string, string> PartnerCenterSettings(Uri partnerCenter) => new(StringComparer.Ordinal)
    {
        ["PartnerCenter:Endpoint"] = partnerCenter.ToString(),
        ["PartnerCenter:Authority"] = partnerCenter.ToString(),
        ["PartnerCenter:PartnerTenantId"] = SimulatorDemoDirectory.PartnerTenantId,
        ["PartnerCenter:ApplicationId"] = SimulatorDemoDirectory.DemoClientId,
        ["PartnerCenter:ApplicationSecret"] = SimulatorDemoDirectory.DemoClientSecret,
        ["PartnerCenter:RefreshToken"] = SimulatorDemoDirectory.DemoRefreshToken,
    };

    /// <summary>
    /// Confirms the migration of <paramref name="users"/> (picked from the simulator's inspection rather than the planner's
    /// listing, which reads every user's licences at Partner Center's pace and would make each run minutes longer).
    /// </summary>
    public async Task<MigrationRecord> ConfirmAsync(
        string customerId, IReadOnlyList<MigrationUser> users, JsonElement conversationReference, string progressActivityId, CancellationToken cancellationToken)
    {
        var planner = _services.GetRequiredService<MigrationPlanner>();
        var plan = (await planner.GetPlanOptionsAsync(customerId, users.Count, cancellationToken)).First(o => o.IsRecommended).Plan;
        var source = (await planner.GetKaizalaSubscriptionsAsync(customerId, cancellationToken))
            .First(s => s.Status == KaizalaBot.PartnerCenter.Models.SubscriptionStatus.Active);
        var draft = new MigrationDraft
        {
            Seller = new SellerIdentity(SimulatorDemoDirectory.PartnerTenantId, SimulatorDemoDirectory.FrenchSellerObjectId, SimulatorDemoDirectory.FrenchSellerDisplayName),
            CustomerId = customerId,
            SourceSubscriptionId = source.SubscriptionId,
            PlanId = plan.Id,
            LicenceCount = users.Count,
            Users = users,
            ConversationReference = conversationReference,
            ProgressActivityId = progressActivityId,
            Language = "en-US",
        };
        var preview = await planner.PreviewAsync(draft, cancellationToken);
        if (!preview.CanConfirm)
        {
            throw new InvalidOperationException("The preview blocks: " + string.Join(", ", preview.Findings.Where(f => f.Severity == FindingSeverity.Blocks).Select(f => f.Message.Code)));
        }

        var confirmed = await _services.GetRequiredService<MigrationService>().ConfirmAsync(draft, cancellationToken);
        return confirmed.Status == CommandStatus.Done && confirmed.Migration is { } migration
            ? migration
            : throw new InvalidOperationException($"Not confirmed: {confirmed.Status} {confirmed.Reason?.Code} (migration {confirmed.Migration?.Id ?? "none"})");
    }

    public Task<MigrationRecord?> GetAsync(string migrationId, CancellationToken cancellationToken) =>
        _services.GetRequiredService<MigrationService>().GetAsync(migrationId, cancellationToken);

    /// <summary>
    /// How many users step B has moved so far, from the per-user outcomes it stores as each move ends (the record's
    /// <c>Licences.Moved</c> counter is saved only when a round ends, so it reads 0 for most of the only round).
    /// </summary>
    public async Task<int> MovedSoFarAsync(string migrationId, CancellationToken cancellationToken) =>
        (await _services.GetRequiredService<MigrationStore>().ReadOutcomesAsync(migrationId, cancellationToken))
            .Values.Count(o => o.Status == UserMoveStatus.Moved);

    /// <summary>
    /// Frees the source subscription's slot once its migration has completed. Only the soak harness does this: it resets the
    /// simulator, which brings the suspended Kaizala Pro subscription back (never so at Partner Center), to migrate it again.
    /// </summary>
    public Task ReleaseSlotAsync(MigrationRecord completed, CancellationToken cancellationToken) =>
        _services.GetRequiredService<MigrationStore>().ReleaseSlotAsync(completed.CustomerId, completed.SourceSubscriptionId, cancellationToken);

    /// <summary>The bot's store, for the harness to read what the bot recorded (reads only).</summary>
    public IStorage Storage => _services.GetRequiredService<IStorage>();

    /// <summary>Whether the bot's expiry index has been built (the migration dialog lists customers from it).</summary>
    public async Task<bool> IsExpiryIndexReadyAsync(CancellationToken cancellationToken) =>
        (await _services.GetRequiredService<ExpiryIndex>().GetStatusAsync(cancellationToken)).IsReady;

    /// <summary>The reminders' outboxes and ledger on the bot's store (read only: the bot is their one writer).</summary>
    public ReminderStore Reminders() => new(_services.GetRequiredService<IStorage>(), TimeProvider.System);

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
