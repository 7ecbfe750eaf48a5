namespace KaizalaBot.PartnerCenter.Simulator.Behaviour;

internal readonly record struct FaultDecision(FaultKind? Fault, TimeSpan Latency, TimeSpan TimeoutDuration);
