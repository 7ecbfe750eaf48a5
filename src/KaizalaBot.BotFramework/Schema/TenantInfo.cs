namespace KaizalaBot.BotFramework.Schema;

public sealed record TenantInfo(string? Id);
