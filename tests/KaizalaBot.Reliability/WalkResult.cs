namespace KaizalaBot.Reliability;

/// <summary>
/// One walk of the migration dialog through the round-robin proxy: whether it reached the review card showing its
/// choices, how the burst of clicks on the count card was answered, and which instance served each turn.
/// </summary>
/// <param name="Failure">Why the walk broke (an answer the walk did not expect); null when it went through.</param>
/// <param name="Accepted">Burst clicks answered with the next card.</param>
/// <param name="Refused">Burst clicks answered "this card is no longer active".</param>
/// <param name="Other">Burst clicks answered anything else (an error status, another message).</param>
/// <param name="Instances">The instance that served each turn of the walk, in order (a burst counts its accepted click).</param>
public sealed record WalkResult(string? Failure, int Accepted, int Refused, int Other, IReadOnlyList<int> Instances)
{
    public bool ReachedReview => Failure is null;

    /// <summary>Exactly one click of the burst taken, the others refused: what some serial order of them gives.</summary>
    public bool BurstSerial => Accepted == 1 && Other == 0;

    /// <summary>Consecutive turns served by different instances.</summary>
    public int Hops => Instances.Zip(Instances.Skip(1)).Count(p => p.First != p.Second);
}
