using System.Globalization;
using System.Text.Json;
using KaizalaBot.Storage;
using KaizalaBot.Storage.Files;
using KaizalaBot.Storage.Leases;
using Microsoft.Extensions.Logging.Abstractions;

// The test process reads this program's stdout line by line: it is the protocol between the two processes,
// not logging.
//   increment <root> <key> <count>        read-modify-write +1, <count> times, then print "done <count>"
//   hold-lease <root> <name> <seconds>     acquire and print "acquired <holderId>" (or "busy"), then hold until killed
if (args.Length != 4)
{
    await Console.Error.WriteLineAsync("usage: increment <root> <key> <count> | hold-lease <root> <name> <seconds>");
    return 2;
}

var (command, root, name, number) = (args[0], args[1], args[2], int.Parse(args[3], CultureInfo.InvariantCulture));
switch (command)
{
    case "increment":
        var storage = new FileStorage(root, TimeProvider.System);
        for (var i = 0; i < number; i++)
        {
            await storage.UpdateAsync<int>(name, n => n + 1, JsonSerializerOptions.Default, TimeProvider.System, CancellationToken.None);
        }

        Console.WriteLine($"done {number}");
        return 0;

    case "hold-lease":
        var leases = new FileLeaseManager(root, TimeProvider.System, NullLogger<FileLeaseManager>.Instance);
        var lease = await leases.TryAcquireAsync(name, TimeSpan.FromSeconds(number), CancellationToken.None);
        Console.WriteLine(lease is null ? "busy" : $"acquired {lease.HolderId}");
        if (lease is null)
        {
            return 1;
        }

        await Task.Delay(Timeout.Infinite, lease.LeaseLost);
        return 0;

    default:
        await Console.Error.WriteLineAsync($"unknown command '{command}'");
        return 2;
}
