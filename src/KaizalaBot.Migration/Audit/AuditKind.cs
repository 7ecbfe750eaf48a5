namespace KaizalaBot.Migration.Audit;

public enum AuditKind
{
    /// <summary>A call to Partner Center, made on the seller's behalf.</summary>
    PartnerCenterCall,

    /// <summary>A person's or the engine's decision: confirm, approve, reject, cancel, retry, refusal, state change.</summary>
    Decision,
}
