using System.Text.Json.Nodes;
using KaizalaBot.PartnerCenter.Simulator.State;

namespace KaizalaBot.PartnerCenter.Simulator.Wire;

/// <summary>Customer and CustomerCompanyProfile (reference §2).</summary>
internal static class CustomerWire
{
    public static JsonObject ListItem(CustomerRecord customer) => new()
    {
        ["id"] = customer.Id,
        ["companyProfile"] = CompanyProfile(customer, withAddress: false),
        ["relationshipToPartner"] = "reseller",
        ["links"] = new JsonObject { ["self"] = WireJson.Link($"/customers/{customer.Id}") },
        ["attributes"] = WireJson.Attributes("Customer"),
    };

    public static JsonObject Detail(CustomerRecord customer)
    {
        var item = ListItem(customer);
        item["commerceId"] = customer.CommerceId;
        item["companyProfile"] = CompanyProfile(customer, withAddress: true);
        item["billingProfile"] = BillingProfile(customer);
        item["allowDelegatedAccess"] = true;
        item["customDomains"] = new JsonArray(customer.Domain);
        item["associatedPartnerId"] = null;
        return item;
    }

    public static JsonObject CompanyProfile(CustomerRecord customer, bool withAddress)
    {
        var profile = new JsonObject
        {
            ["tenantId"] = customer.Id,
            ["domain"] = customer.Domain,
            ["companyName"] = customer.CompanyName,
        };
        if (withAddress)
        {
            profile["address"] = Address(customer);
            profile["email"] = customer.Email;
        }

        profile["links"] = new JsonObject { ["self"] = WireJson.Link($"/customers/{customer.Id}/profiles/company") };
        profile["attributes"] = WireJson.Attributes("CustomerCompanyProfile");
        return profile;
    }

    private static JsonObject BillingProfile(CustomerRecord customer) => new()
    {
        ["id"] = customer.CommerceId,
        ["firstName"] = "IT",
        ["lastName"] = "Administrator",
        ["email"] = customer.Email,
        ["culture"] = Culture(customer.Country),
        ["language"] = Culture(customer.Country)[..2],
        ["companyName"] = customer.CompanyName,
        ["defaultAddress"] = Address(customer),
        ["links"] = new JsonObject { ["self"] = WireJson.Link($"/customers/{customer.Id}/profiles/billing") },
        ["attributes"] = WireJson.Attributes("CustomerBillingProfile"),
    };

    private static JsonObject Address(CustomerRecord customer) => new()
    {
        ["country"] = customer.Country,
        ["city"] = customer.City,
        ["postalCode"] = customer.PostalCode,
        ["addressLine1"] = customer.AddressLine1,
        ["firstName"] = "IT",
        ["lastName"] = "Administrator",
    };

    private static string Culture(string country) => country switch
    {
        "FR" => "fr-FR",
        "BE" => "fr-BE",
        "DE" => "de-DE",
        "GB" => "en-GB",
        "CA" => "en-CA",
        "NL" => "nl-NL",
        "ES" => "es-ES",
        _ => "en-US",
    };
}
