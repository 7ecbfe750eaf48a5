using KaizalaBot.Storage.Blobs;

namespace KaizalaBot.Storage.Tests.Blobs;

public sealed class BlobConnectionStringTests
{
    private const string Key = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

    [Fact]
    public void Parse_UseDevelopmentStorage_PointsAtAzuriteDefaultsWithWellKnownAccount()
    {
        var parsed = BlobConnectionString.Parse("UseDevelopmentStorage=true");

        Assert.Equal(new Uri("http://127.0.0.1:10000/devstoreaccount1"), parsed.BlobEndpoint);
        Assert.Equal("devstoreaccount1", parsed.Credential.AccountName);
    }

    [Fact]
    public void Parse_DevelopmentStorageWithProxy_UsesProxyHost()
    {
        var parsed = BlobConnectionString.Parse("UseDevelopmentStorage=true;DevelopmentStorageProxyUri=http://azurite.local");

        Assert.Equal(new Uri("http://azurite.local:10000/devstoreaccount1"), parsed.BlobEndpoint);
    }

    [Fact]
    public void Parse_AccountKeyForm_BuildsAccountStyleEndpoint()
    {
        var parsed = BlobConnectionString.Parse(
            $"DefaultEndpointsProtocol=https;AccountName=contoso;AccountKey={Key};EndpointSuffix=core.chinacloudapi.cn");

        Assert.Equal(new Uri("https://contoso.blob.core.chinacloudapi.cn"), parsed.BlobEndpoint);
        Assert.Equal("contoso", parsed.Credential.AccountName);
    }

    [Fact]
    public void Parse_NoProtocolNoSuffix_DefaultsToHttpsAndPublicCloud()
    {
        var parsed = BlobConnectionString.Parse($"AccountName=contoso;AccountKey={Key}");

        Assert.Equal(new Uri("https://contoso.blob.core.windows.net"), parsed.BlobEndpoint);
    }

    [Fact]
    public void Parse_ExplicitBlobEndpoint_KeepsPathStyleUrl()
    {
        var parsed = BlobConnectionString.Parse(
            $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={Key};BlobEndpoint=http://127.0.0.1:10500/devstoreaccount1;");

        Assert.Equal(new Uri("http://127.0.0.1:10500/devstoreaccount1"), parsed.BlobEndpoint);
    }

    [Fact]
    public void Parse_NamesInAnyCaseAndSpaces_AreAccepted()
    {
        var parsed = BlobConnectionString.Parse($" accountname = contoso ; ACCOUNTKEY = {Key} ");

        Assert.Equal("contoso", parsed.Credential.AccountName);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("AccountName=contoso", "no AccountKey")]
    [InlineData("AccountKey=" + Key, "no AccountName")]
    [InlineData("AccountName=contoso;AccountKey=not-base64!", "not valid Base64")]
    [InlineData("AccountName=contoso;AccountKey=" + Key + ";DefaultEndpointsProtocol=ftp", "must be 'http' or 'https'")]
    [InlineData("AccountName=contoso;AccountKey=" + Key + ";BlobEndpoint=not a url", "BlobEndpoint is not an absolute http(s) URL")]
    [InlineData("AccountName=contoso;AccountName=other;AccountKey=" + Key, "more than once")]
    [InlineData("AccountName=contoso;AccountKey=" + Key + ";Colour=blue", "unknown setting 'Colour'")]
    [InlineData("just some text", "not 'Name=Value'")]
    [InlineData("UseDevelopmentStorage=false", "must be 'true'")]
    [InlineData("UseDevelopmentStorage=true;AccountName=contoso", "may only add DevelopmentStorageProxyUri")]
    [InlineData("BlobEndpoint=https://x.blob.core.windows.net;SharedAccessSignature=sv=2021", "SharedAccessSignature")]
    public void Parse_BadForm_ThrowsFormatExceptionSayingWhatIsWrong(string connectionString, string expectedMessagePart)
    {
        var ex = Assert.Throws<FormatException>(() => BlobConnectionString.Parse(connectionString));

        Assert.Contains(expectedMessagePart, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, ex.Message, StringComparison.Ordinal);
    }
}
