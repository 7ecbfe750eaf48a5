namespace KaizalaBot.BotFramework.Authentication;

/// <summary>Which validation rules apply, chosen by the token's issuer (reference §2.2).</summary>
internal enum TokenPath
{
    /// <summary>Bot Connector / Teams token: botframework JWKS, endorsements, <c>serviceurl</c> claim.</summary>
    Channel,

    /// <summary>Bot Framework Emulator token, minted with the bot's own credentials by a Microsoft service tenant.</summary>
    Emulator,

    /// <summary>Entra token issued by the bot's own tenant (single-tenant and managed-identity bots).</summary>
    Tenant,
}
