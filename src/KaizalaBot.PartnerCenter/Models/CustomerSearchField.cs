namespace KaizalaBot.PartnerCenter.Models;

// Written with ToString() (PascalCase) in SimpleFieldFilter.Field, unlike snake_case enums (reference §2.1).
public enum CustomerSearchField
{
    CompanyName,
    Domain,
    IndirectReseller,
    IndirectCloudSolutionProvider,
}
