namespace KaizalaBot.Reliability;

/// <summary>One Partner Center call as it crossed the recording proxy: what was asked and what the simulator answered.</summary>
internal sealed record PartnerCenterExchange(string Method, string Path, string RequestBody, int Status);
