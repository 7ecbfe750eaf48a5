using System.Diagnostics.CodeAnalysis;
using KaizalaBot.PartnerCenter.Simulator.Configuration;
using Microsoft.Extensions.Options;

namespace KaizalaBot.PartnerCenter.Simulator.Behaviour;

/// <summary>
/// Decides latency and faults per request. The dice are a seeded Random drawn once per request that matches a rule
/// with a non-zero rate, so a given seed and request sequence always fail the same requests.
/// </summary>
[SuppressMessage("Security", "CA5394:Do not use insecure randomness", Justification = "Reproducible fault injection; nothing secret.")]
internal sealed class FaultInjector
{
    private readonly Lock _gate = new();
    private FaultSettings _settings;
    private Random _dice;

    public FaultInjector(IOptions<PartnerCenterSimulatorOptions> options)
    {
        _settings = Defaults(options.Value);
        _dice = new Random(_settings.Seed);
    }

    public FaultSettings Settings
    {
        get
        {
            lock (_gate)
            {
                return _settings;
            }
        }
    }

    public static FaultSettings Defaults(PartnerCenterSimulatorOptions options) => new()
    {
        Seed = options.Seed,
        RequestsPerMinute = options.RequestsPerMinute,
        TimeoutDuration = TimeSpan.FromSeconds(100),
    };

    public void Apply(FaultSettings settings)
    {
        lock (_gate)
        {
            _settings = settings;
            _dice = new Random(settings.Seed);
        }
    }

    public FaultDecision Decide(string endpoint)
    {
        lock (_gate)
        {
            var rule = _settings.Rules.FirstOrDefault(r => string.Equals(r.Endpoint, endpoint, StringComparison.OrdinalIgnoreCase))
                ?? _settings.Rules.FirstOrDefault(r => r.Endpoint == "*");
            if (rule is null)
            {
                return new FaultDecision(null, TimeSpan.Zero, _settings.TimeoutDuration);
            }

            FaultKind? fault = rule.FailureRate > 0 && _dice.NextDouble() < rule.FailureRate ? rule.Kind : null;
            return new FaultDecision(fault, rule.Latency, _settings.TimeoutDuration);
        }
    }
}
