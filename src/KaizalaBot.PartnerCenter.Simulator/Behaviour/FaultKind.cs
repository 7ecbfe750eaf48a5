namespace KaizalaBot.PartnerCenter.Simulator.Behaviour;

internal enum FaultKind
{
    /// <summary>500 with an ApiFault body; nothing processed.</summary>
    ServerError,

    /// <summary>503 with Retry-After; nothing processed.</summary>
    ServiceUnavailable,

    /// <summary>Waits <c>TimeoutDuration</c> then answers 504; nothing processed.</summary>
    Timeout,

    /// <summary>Processes the request, then waits and answers 504: the lost-response case MS-RequestId reuse exists for.</summary>
    TimeoutAfterProcessing,
}
