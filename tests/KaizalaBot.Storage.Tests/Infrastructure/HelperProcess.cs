using System.Diagnostics;
using KaizalaBot.Testing.Processes;

namespace KaizalaBot.Storage.Tests.Infrastructure;

/// <summary>Runs KaizalaBot.Storage.ProcessHelper as a separate OS process.</summary>
public static class HelperProcess
{
    private static string HelperDll => Path.Combine(AppContext.BaseDirectory, "KaizalaBot.Storage.ProcessHelper.dll");

    // The SDK sets DOTNET_HOST_PATH for test runs; it names the same dotnet that runs these tests.
    private static string DotnetHost => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path ? path : "dotnet";

    public static Process Start(params string[] arguments) =>
        ProcessRunner.Start(DotnetHost, AppContext.BaseDirectory, [HelperDll, .. arguments]);

    public static Task<ProcessResult> RunAsync(TimeSpan timeout, params string[] arguments) =>
        ProcessRunner.RunAsync(DotnetHost, AppContext.BaseDirectory, timeout, standardInput: null, CancellationToken.None, [HelperDll, .. arguments]);
}
