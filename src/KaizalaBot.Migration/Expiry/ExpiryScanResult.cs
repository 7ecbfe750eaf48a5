namespace KaizalaBot.Migration.Expiry;

/// <summary>What one full scan did.</summary>
public sealed record ExpiryScanResult(string ScanId, int CustomersScanned, int KaizalaCustomers, int CustomersFailed, int EntriesRemoved, TimeSpan Duration);
