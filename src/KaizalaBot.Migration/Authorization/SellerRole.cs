namespace KaizalaBot.Migration.Authorization;

public enum SellerRole
{
    /// <summary>Partner Center Admin agent: may migrate and approve.</summary>
    AdminAgent,

    /// <summary>Partner Center Sales agent: may migrate.</summary>
    SalesAgent,

    /// <summary>Listed in <c>Migration:Authorization:AllowedUsers</c>: may migrate and approve.</summary>
    Configured,
}
