namespace KaizalaBot.Cards.Models;

/// <summary>Step 1: search by company name or domain prefix, a page of customers, paging.</summary>
public sealed record CustomerCardModel(
    CardHeader Header, string Search, string Intro, IReadOnlyList<CustomerRow> Customers, string PageInfo,
    bool HasPrevious, bool HasNext, int PreviousPage, int NextPage);
