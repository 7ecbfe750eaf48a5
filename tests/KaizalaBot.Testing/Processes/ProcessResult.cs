namespace KaizalaBot.Testing.Processes;

/// <summary>How a finished child process ended and what it printed.</summary>
public sealed record ProcessResult(int ExitCode, string Output, string Errors);
