namespace KaizalaBot.PartnerCenter.Tests.Fakes;

// The JSON examples of shared/reference/partner-center-api.md, copied into TestData/. Where the document
// elides a value outside a string ("endDate": "…", "links": {…}) the copy fills in a plausible value so the
// file is JSON; comments in the envelope example were removed.
internal static class ReferenceExample
{
    public static string Read(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", name + ".json"));
}
