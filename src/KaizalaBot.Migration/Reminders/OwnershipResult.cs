namespace KaizalaBot.Migration.Reminders;

/// <summary>What taking or handing back a customer did, and who owns it now.</summary>
public sealed record OwnershipResult(OwnershipStatus Status, CustomerOwner? Owner);
