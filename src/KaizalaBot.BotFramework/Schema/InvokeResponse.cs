using System.Text.Json;

namespace KaizalaBot.BotFramework.Schema;

/// <summary>
/// What an invoke turn answers in its HTTP response: the HTTP <see cref="Status"/> and a body, which for
/// <c>adaptiveCard/action</c> is an <see cref="AdaptiveCardInvokeResponse"/>.
/// </summary>
public sealed record InvokeResponse(int Status, JsonElement? Body);
