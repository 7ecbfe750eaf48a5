using System.Text.Json;
using KaizalaBot.PartnerCenter.Json;
using KaizalaBot.PartnerCenter.Models;

namespace KaizalaBot.PartnerCenter.Tests;

public sealed class SnakeCaseEnumConverterTests
{
    [Theory]
    [InlineData(BillingCycleType.OneTime, "\"one_time\"")]
    [InlineData(SubscriptionStatus.Suspended, "\"suspended\"")]
    [InlineData(FieldFilterOperation.StartsWith, "\"starts_with\"")]
    [InlineData(FieldFilterOperation.EqualsTo, "\"equals\"")]
    [InlineData(CartErrorCode.CatalogItemIdIsNotValid, "\"catalog_item_id_is_not_valid\"")]
    [InlineData(LicenseGroupId.Group1, "\"group1\"")]
    public void Write_EnumMember_WritesWireName(object value, string expected)
    {
        var json = JsonSerializer.Serialize(value, value.GetType(), PartnerCenterJson.Options);

        Assert.Equal(expected, json);
    }

    [Theory]
    [InlineData("\"suspended\"", SubscriptionStatus.Suspended)]
    [InlineData("\"Suspended\"", SubscriptionStatus.Suspended)]
    [InlineData("2", SubscriptionStatus.Suspended)]
    [InlineData("\"2\"", SubscriptionStatus.Suspended)]
    [InlineData("5", SubscriptionStatus.Pending)]
    public void Read_StringOrInteger_ReadsMember(string json, SubscriptionStatus expected)
    {
        var value = JsonSerializer.Deserialize<SubscriptionStatus>(json, PartnerCenterJson.Options);

        Assert.Equal(expected, value);
    }

    [Fact]
    public void Read_CartErrorCodeAsInteger_ReadsMember()
    {
        var value = JsonSerializer.Deserialize<CartErrorCode>("10001", PartnerCenterJson.Options);

        Assert.Equal(CartErrorCode.CatalogItemIdIsNotValid, value);
    }

    [Fact]
    public void Read_UnknownValueOfEnumWithUnknownMember_ReadsUnknown()
    {
        var value = JsonSerializer.Deserialize<BillingCycleType>("\"quinquennial\"", PartnerCenterJson.Options);

        Assert.Equal(BillingCycleType.Unknown, value);
    }

    [Fact]
    public void Read_UnknownValueOfEnumWithoutUnknownMember_Throws()
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<SubscriptionStatus>("\"frozen\"", PartnerCenterJson.Options));
    }
}
