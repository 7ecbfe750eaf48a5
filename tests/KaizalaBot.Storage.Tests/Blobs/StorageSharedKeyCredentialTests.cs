using System.Net.Http.Headers;
using KaizalaBot.Storage.Blobs;

namespace KaizalaBot.Storage.Tests.Blobs;

// Expected signatures were computed independently (Python: base64(hmac.new(key, string_to_sign, sha256))).
public sealed class StorageSharedKeyCredentialTests
{
    private const string Date = "Sat, 21 Nov 2026 20:00:00 GMT";
    private readonly StorageSharedKeyCredential _azurite = new(
        "devstoreaccount1", "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==");

    [Fact]
    public void BuildStringToSign_PathStylePutWithBodyAndCondition_MatchesSpecAndKnownSignature()
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, "http://127.0.0.1:10000/devstoreaccount1/mycontainer/my%20blob.json")
        {
            Content = new ByteArrayContent("{\"a\":1}"u8.ToArray()),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json");
        request.Headers.TryAddWithoutValidation("If-None-Match", "*");
        request.Headers.TryAddWithoutValidation("x-ms-version", "2021-08-06");
        request.Headers.TryAddWithoutValidation("x-ms-date", Date);
        request.Headers.TryAddWithoutValidation("x-ms-blob-type", "BlockBlob");

        var stringToSign = _azurite.BuildStringToSign(request);

        Assert.Equal(
            "PUT\n\n\n7\n\napplication/json\n\n\n\n*\n\n\n"
            + "x-ms-blob-type:BlockBlob\nx-ms-date:" + Date + "\nx-ms-version:2021-08-06\n"
            + "/devstoreaccount1/devstoreaccount1/mycontainer/my%20blob.json",
            stringToSign);
        Assert.Equal("gkwx2LuWMtD786BgmN4iPRRAomlWt0sTFt7tEaJX9eQ=", _azurite.ComputeSignature(stringToSign));
    }

    [Fact]
    public void BuildStringToSign_QueryParameters_AreDecodedLowerCasedAndSorted()
    {
        using var request = new HttpRequestMessage(
            HttpMethod.Get, "http://127.0.0.1:10000/devstoreaccount1/mycontainer?restype=container&comp=list&prefix=a%2Fb");
        request.Headers.TryAddWithoutValidation("x-ms-date", Date);
        request.Headers.TryAddWithoutValidation("x-ms-version", "2021-08-06");

        var stringToSign = _azurite.BuildStringToSign(request);

        Assert.Equal(
            "GET\n\n\n\n\n\n\n\n\n\n\n\nx-ms-date:" + Date + "\nx-ms-version:2021-08-06\n"
            + "/devstoreaccount1/devstoreaccount1/mycontainer\ncomp:list\nprefix:a/b\nrestype:container",
            stringToSign);
        Assert.Equal("91gko5itGUNtjD6y1WT8t5YvleHgtxDssgY1YCoN2pU=", _azurite.ComputeSignature(stringToSign));
    }

    [Fact]
    public void BuildStringToSign_AccountStyleDeleteWithIfMatch_SignsAccountPlusPath()
    {
        var credential = new StorageSharedKeyCredential("myaccount", "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");
        using var request = new HttpRequestMessage(HttpMethod.Delete, "https://myaccount.blob.core.windows.net/c/b");
        request.Headers.TryAddWithoutValidation("If-Match", "\"0x8DB\"");
        request.Headers.TryAddWithoutValidation("x-ms-version", "2021-08-06");
        request.Headers.TryAddWithoutValidation("x-ms-date", Date);

        var stringToSign = credential.BuildStringToSign(request);

        Assert.Equal(
            "DELETE\n\n\n\n\n\n\n\n\"0x8DB\"\n\n\n\nx-ms-date:" + Date + "\nx-ms-version:2021-08-06\n/myaccount/c/b",
            stringToSign);
        Assert.Equal("6ogOqWLu1NilJrv6EUVuliAEkaw9Z7EtVjvBg3lTyzg=", credential.ComputeSignature(stringToSign));
    }

    [Fact]
    public void BuildStringToSign_EmptyBody_SignsContentLengthAsEmpty()
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, "http://127.0.0.1:10000/devstoreaccount1/c/b")
        {
            Content = new ByteArrayContent([]),
        };

        var stringToSign = _azurite.BuildStringToSign(request);

        Assert.StartsWith("PUT\n\n\n\n", stringToSign, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_KeyNotBase64_ThrowsFormatException()
    {
        Assert.Throws<FormatException>(() => new StorageSharedKeyCredential("acct", "not base64!"));
    }
}
