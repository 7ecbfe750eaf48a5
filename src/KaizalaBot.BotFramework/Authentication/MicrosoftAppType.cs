namespace KaizalaBot.BotFramework.Authentication;

/// <summary>The Azure Bot registration type, spelled as the Bot Framework SDK's <c>MicrosoftAppType</c> setting.</summary>
public enum MicrosoftAppType
{
    MultiTenant,
    SingleTenant,
    UserAssignedMSI,
}
