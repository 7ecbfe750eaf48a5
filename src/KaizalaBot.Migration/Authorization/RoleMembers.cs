namespace KaizalaBot.Migration.Authorization;

/// <summary>Members (Entra object ids) of the partner's Admin agent and Sales agent roles, as read at <see cref="ReadAt"/>.</summary>
internal sealed record RoleMembers(IReadOnlySet<string> AdminAgents, IReadOnlySet<string> SalesAgents, DateTimeOffset ReadAt);
