using System.Collections.Concurrent;
using KaizalaBot.Migration.Reminders;

namespace KaizalaBot.Migration.Tests.Reminders;

/// <summary>
/// Teams as the reminders see it: each posted header is a message with an id, and showing a digest replaces that
/// message's content — so what a recipient finally sees is the last content of each of their messages. Outcomes can be
/// scripted per call, and a "crash" can be injected after a call has taken effect (the answer never reaches the caller).
/// </summary>
internal sealed class RecordingReminderDelivery : IReminderDelivery
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (string RecipientKey, ReminderDigest? Shown)> _messages = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<Func<string, DeliveryOutcome?>> _script = new();
    private readonly List<(Func<bool> Condition, TaskCompletionSource Met)> _waiters = [];
    private int _next;

    public int Posts { get; private set; }

    public int Shows { get; private set; }

    /// <summary>The next call takes effect, then the process "dies" before it hears the answer.</summary>
    public bool CrashAfterNextPost { get; set; }

    public bool CrashAfterNextShow { get; set; }

    /// <summary>Scripts the outcome of the next call (each call takes one entry); an entry answering null lets that call through.</summary>
    public void Enqueue(Func<string, DeliveryOutcome?> outcome) => _script.Enqueue(outcome);

    public void Enqueue(DeliveryOutcome outcome) => Enqueue(_ => outcome);

    public Task<DeliveryOutcome> PostAsync(ReminderRecipient recipient, ReminderDigest digest, CancellationToken cancellationToken)
    {
        if (Scripted("post") is { } scripted)
        {
            return Task.FromResult(scripted);
        }

        string id;
        lock (_gate)
        {
            Posts++;
            id = $"msg-{++_next}";
            _messages[id] = (recipient.Key, null);
        }

        if (CrashAfterNextPost)
        {
            CrashAfterNextPost = false;
            throw new SimulatedCrashException();
        }

        return Task.FromResult(DeliveryOutcome.Delivered(id));
    }

    public Task<DeliveryOutcome> ShowAsync(ReminderRecipient recipient, string activityId, ReminderDigest digest, CancellationToken cancellationToken)
    {
        if (Scripted("show") is { } scripted)
        {
            return Task.FromResult(scripted);
        }

        lock (_gate)
        {
            Shows++;
            if (!_messages.ContainsKey(activityId))
            {
                return Task.FromResult(new DeliveryOutcome(DeliveryOutcomeKind.MessageMissing));
            }

            _messages[activityId] = (recipient.Key, digest);
        }

        ReleaseWaiters();
        if (CrashAfterNextShow)
        {
            CrashAfterNextShow = false;
            throw new SimulatedCrashException();
        }

        return Task.FromResult(DeliveryOutcome.Delivered(activityId));
    }

    /// <summary>Deletes a message, as a user may.</summary>
    public void Delete(string activityId)
    {
        lock (_gate)
        {
            _messages.Remove(activityId);
        }
    }

    /// <summary>What each recipient sees: the reminders in their messages' final content, in message order.</summary>
    public IReadOnlyList<ReminderItem> SeenBy(string recipientKey)
    {
        lock (_gate)
        {
            return [.. _messages.OrderBy(m => int.Parse(m.Key[4..], System.Globalization.CultureInfo.InvariantCulture))
                .Where(m => m.Value.RecipientKey == recipientKey && m.Value.Shown is not null)
                .SelectMany(m => m.Value.Shown!.Items)];
        }
    }

    /// <summary>Every digest as finally shown, with its recipient.</summary>
    public IReadOnlyList<ReminderDigest> Digests
    {
        get
        {
            lock (_gate)
            {
                return [.. _messages.Values.Where(m => m.Shown is not null).Select(m => m.Shown!)];
            }
        }
    }

    /// <summary>Headers posted that never received a digest (what a crash before recording the id leaves).</summary>
    public int EmptyHeaders
    {
        get
        {
            lock (_gate)
            {
                return _messages.Values.Count(m => m.Shown is null);
            }
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _messages.Clear();
        }
    }

    /// <summary>Completes once <paramref name="condition"/> holds after a digest was shown (or already holds): an event to wait on.</summary>
    public Task WhenAsync(Func<bool> condition)
    {
        var met = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _waiters.Add((condition, met));
        }

        ReleaseWaiters();
        return met.Task;
    }

    private void ReleaseWaiters()
    {
        List<(Func<bool> Condition, TaskCompletionSource Met)> waiters;
        lock (_gate)
        {
            waiters = [.. _waiters];
        }

        foreach (var waiter in waiters.Where(w => w.Condition()))
        {
            lock (_gate)
            {
                _waiters.Remove(waiter);
            }

            waiter.Met.TrySetResult();
        }
    }

    private DeliveryOutcome? Scripted(string call) => _script.TryDequeue(out var next) ? next(call) : null;
}
