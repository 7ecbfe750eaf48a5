using System.Net;
using KaizalaBot.Bot;
using KaizalaBot.BotFramework.Schema;
using KaizalaBot.Localization;
using KaizalaBot.PartnerCenter;

namespace KaizalaBot.Tests.Bot;

/// <summary>What a seller is told when a turn failed on Partner Center: down (try again) or refused (its code), never the exception's text.</summary>
public sealed class PartnerCenterTurnFailuresTests
{
    private static readonly PartnerCenterTurnFailures Failures = new(new BotTexts());

    [Theory]
    [InlineData(HttpStatusCode.ServiceUnavailable, PartnerErrorCategory.ServerBusy, "en-US", "Partner Center is not answering right now (HTTP 503). Nothing was changed: try the same again in a minute.")]
    [InlineData(HttpStatusCode.TooManyRequests, PartnerErrorCategory.TooManyRequests, "fr-FR", "Partner Center ne répond pas pour le moment (code HTTP 429). Rien n'a été modifié : réessayez la même action dans une minute.")]
    [InlineData(null, PartnerErrorCategory.RequestTimeout, "en-US", "Partner Center is not answering right now (no answer). Nothing was changed: try the same again in a minute.")]
    public void MessageFor_PartnerCenterUnwell_SaysItIsNotAnsweringAndNothingChanged(HttpStatusCode? status, PartnerErrorCategory category, string locale, string expected)
    {
        var failure = new PartnerException("secret detail") { StatusCode = status, ErrorCategory = category };

        Assert.Equal(expected, Failures.MessageFor(failure, new Activity { Type = ActivityTypes.Message, Locale = locale }));
    }

    [Fact]
    public void MessageFor_RefusalWrappedInAnotherException_NamesPartnerCentersCode()
    {
        var failure = new InvalidOperationException("step failed", new PartnerException("secret detail")
        {
            StatusCode = HttpStatusCode.BadRequest, ErrorCategory = PartnerErrorCategory.BadInput, ErrorCode = "800002",
        });

        var message = Failures.MessageFor(failure, new Activity { Type = ActivityTypes.Message, Locale = "en-US" });

        Assert.Equal("Partner Center refused the request (code 800002). Nothing was changed: try again, or type **help**.", message);
    }

    [Fact]
    public void MessageFor_NotPartnerCenter_LeavesTheGenericApology()
    {
        Assert.Null(Failures.MessageFor(new InvalidOperationException("secret detail"), new Activity { Type = ActivityTypes.Message, Locale = "en-US" }));
    }
}
