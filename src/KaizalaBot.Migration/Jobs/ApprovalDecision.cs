namespace KaizalaBot.Migration.Jobs;

public sealed record ApprovalDecision(bool Approved, SellerIdentity By, string? PartnerCenterUserId, DateTimeOffset At, string? Comment);
