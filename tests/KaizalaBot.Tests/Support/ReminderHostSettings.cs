namespace KaizalaBot.Tests.Support;

/// <summary>
/// Settings of a host whose test seller (<see cref="TeamsActivities.SellerAadId"/> in <see cref="TeamsActivities.TenantId"/>)
/// is one of the partner's sellers, and whose scans run at once against the in-process simulator.
/// </summary>
internal static class ReminderHostSettings
{
    public static Dictionary<string, string?> Create(params (string Key, string? Value)[] more)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Expiry:RequestsPerMinute"] = "60000",
            ["Migration:Authorization:PartnerTenantId"] = TeamsActivities.TenantId,
            ["Migration:Authorization:AllowedUsers:0"] = TeamsActivities.SellerAadId,
        };
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }

        return settings;
    }
}
