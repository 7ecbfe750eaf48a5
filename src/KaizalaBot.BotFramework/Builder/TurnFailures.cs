using KaizalaBot.BotFramework.Connector;

namespace KaizalaBot.BotFramework.Builder;

/// <summary>Sorts a turn's failure into <see cref="TurnFailureKind"/>; only our own faults deserve a stack trace.</summary>
internal static class TurnFailures
{
    public static TurnFailureKind Classify(Exception exception, CancellationToken turnToken) => exception switch
    {
        OperationCanceledException when turnToken.IsCancellationRequested => TurnFailureKind.TimedOut,
        ConnectorException { ErrorCode: ConnectorErrorCodes.UntrustedServiceUrl } => TurnFailureKind.CallerMistake,
        ConnectorException => TurnFailureKind.Dependency,
        _ => TurnFailureKind.OwnFault,
    };
}
