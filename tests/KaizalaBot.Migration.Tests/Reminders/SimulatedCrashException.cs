namespace KaizalaBot.Migration.Tests.Reminders;

/// <summary>Stands for the process dying at that point: nothing after it in the same pass runs.</summary>
internal sealed class SimulatedCrashException : Exception
{
    public SimulatedCrashException()
        : base("Simulated crash")
    {
    }

    public SimulatedCrashException(string message)
        : base(message)
    {
    }

    public SimulatedCrashException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
