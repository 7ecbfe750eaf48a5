using KaizalaBot.BotFramework.Connector;

namespace KaizalaBot.BotFramework.Tests.Connector;

public sealed class ConnectorErrorParserTests
{
    [Fact]
    public void Parse_DocumentedErrorResponse_ReadsCodeAndMessage()
    {
        var error = ConnectorErrorParser.Parse("""{"error":{"code":"ConversationBlockedByUser","message":"User blocked the conversation with the bot."}}""");

        Assert.Equal(new ConnectorError("ConversationBlockedByUser", null, "User blocked the conversation with the bot."), error);
    }

    [Fact]
    public void Parse_TeamsNumericErrorCodeWithJsonMessage_ReadsSubCode()
    {
        var error = ConnectorErrorParser.Parse("""{"errorCode":209,"message":"{\"subCode\":\"MessageWritesBlocked\",\"message\":\"Thread is blocked from message writes.\"}"}""");

        Assert.Equal("209", error.Code);
        Assert.Equal("MessageWritesBlocked", error.SubCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("<html><body>Bad gateway</body></html>")]
    [InlineData("[1,2,3]")]
    [InlineData("""{"error":"just a string"}""")]
    [InlineData("""{"error":{"code":{"nested":true},"message":"{not json"}}""")]
    [InlineData("""{"unexpected":true""")]
    public void Parse_UnexpectedBody_ReturnsNoCodeWithoutThrowing(string? body)
    {
        var error = ConnectorErrorParser.Parse(body);

        Assert.Null(error.Code);
        Assert.Null(error.SubCode);
    }

    [Fact]
    public void Parse_HugeMessage_IsTruncatedForLogs()
    {
        var error = ConnectorErrorParser.Parse($$$"""{"error":{"code":"BadArgument","message":"{{{new string('x', 5000)}}}"}}""");

        Assert.Equal(500, error.Message!.Length);
    }
}
