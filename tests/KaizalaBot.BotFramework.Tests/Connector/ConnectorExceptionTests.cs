using System.Net;
using KaizalaBot.BotFramework.Connector;

namespace KaizalaBot.BotFramework.Tests.Connector;

public sealed class ConnectorExceptionTests
{
    [Theory]
    [InlineData("BotNotInConversationRoster", null)]
    [InlineData("ConversationBlockedByUser", null)]
    [InlineData("ForbiddenOperationException", null)]
    [InlineData("BotDisabledByAdmin", null)]
    [InlineData("209", "MessageWritesBlocked")]
    public void IsConversationGone_403WithStopCode_IsTrue(string code, string? subCode)
    {
        var exception = new ConnectorException("x") { StatusCode = HttpStatusCode.Forbidden, ErrorCode = code, SubCode = subCode };

        Assert.True(exception.IsConversationGone);
    }

    [Theory]
    [InlineData(HttpStatusCode.Forbidden, "InvalidBotApiHost")]
    [InlineData(HttpStatusCode.Forbidden, "NotEnoughPermissions")]
    [InlineData(HttpStatusCode.Forbidden, null)]
    [InlineData(HttpStatusCode.NotFound, "BotNotInConversationRoster")]
    [InlineData(HttpStatusCode.TooManyRequests, "Throttled")]
    public void IsConversationGone_OtherFailures_IsFalse(HttpStatusCode status, string? code)
    {
        var exception = new ConnectorException("x") { StatusCode = status, ErrorCode = code };

        Assert.False(exception.IsConversationGone);
    }
}
