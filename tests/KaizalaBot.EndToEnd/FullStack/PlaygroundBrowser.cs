using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using KaizalaBot.Testing.Processes;

namespace KaizalaBot.EndToEnd.FullStack;

/// <summary>
/// A person at the Agents Playground: <c>tests/tools/playwright/playground-driver.js</c> keeps one headless Chromium page
/// open for the whole test and runs one command at a time, so the test can kill and restart the bot between steps while
/// the page (and the Playground behind it) stays. A refused command fails the test with what the page showed.
/// </summary>
internal sealed class PlaygroundBrowser : IAsyncDisposable
{
    private static readonly TimeSpan CommandSlack = TimeSpan.FromSeconds(30);

    private readonly Process _driver;
    private readonly StringBuilder _errors = new();

    private PlaygroundBrowser(Process driver)
    {
        _driver = driver;
        driver.ErrorDataReceived += (_, e) =>
        {
            lock (_errors)
            {
                _errors.AppendLine(e.Data);
            }
        };
        driver.BeginErrorReadLine();
    }

    public static async Task<PlaygroundBrowser> OpenAsync(Uri playground, string screenshots, string chromium, CancellationToken cancellationToken)
    {
        var directory = await NodeTool.EnsureInstalledAsync("playwright", cancellationToken);
        var driver = ProcessRunner.Start("node", directory, "playground-driver.js", playground.ToString(), screenshots, chromium);
        var browser = new PlaygroundBrowser(driver);
        await browser.RunAsync(new { op = "open" }, TimeSpan.FromSeconds(60), cancellationToken);
        return browser;
    }

    /// <summary>Runs one command (see the script's header) and returns its answer; a refusal throws with the cards shown.</summary>
    public async Task<JsonObject> RunAsync(object command, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var line = JsonSerializer.Serialize(command);
        await _driver.StandardInput.WriteLineAsync(line.AsMemory(), cancellationToken);
        await _driver.StandardInput.FlushAsync(cancellationToken);

        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(timeout + CommandSlack);
        string? answer;
        try
        {
            answer = await _driver.StandardOutput.ReadLineAsync(bounded.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The browser driver did not answer {line} within {timeout + CommandSlack}. {Errors()}");
        }

        if (answer is null)
        {
            throw new InvalidOperationException($"The browser driver exited while running {line}: {Errors()}");
        }

        var result = JsonNode.Parse(answer)!.AsObject();
        if (result["ok"]?.GetValue<bool>() != true)
        {
            throw new InvalidOperationException(
                $"In the Playground, {line} failed: {result["error"]}. Screenshot: {result["screenshot"]}. Cards shown, in order:\n  "
                + string.Join("\n  ", result["cards"]?.AsArray().Select(c => c?.GetValue<string>()) ?? []));
        }

        return result;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_driver.HasExited)
        {
            try
            {
                await _driver.StandardInput.WriteLineAsync("""{"op":"quit"}""");
                await _driver.StandardInput.FlushAsync();
                await _driver.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            }
            catch (Exception ex) when (ex is IOException or TimeoutException)
            {
                // The driver is stuck or gone: its Chromium goes with its process tree.
            }

            if (!_driver.HasExited)
            {
                _driver.Kill(entireProcessTree: true);
            }
        }

        _driver.Dispose();
    }

    private string Errors()
    {
        lock (_errors)
        {
            return _errors.ToString().Trim();
        }
    }
}
