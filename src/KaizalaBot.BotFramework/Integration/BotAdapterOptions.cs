using System.ComponentModel.DataAnnotations;

namespace KaizalaBot.BotFramework.Integration;

/// <summary>Configuration section <c>BotAdapter</c>.</summary>
public sealed class BotAdapterOptions
{
    public const string Section = "BotAdapter";

    /// <summary>Largest accepted request body; 256 KB is the Direct Line activity size limit.</summary>
    [Range(1024, 4 * 1024 * 1024, ErrorMessage = "BotAdapter:MaxRequestBodyBytes must be between {1} and {2} bytes.")]
    public int MaxRequestBodyBytes { get; set; } = 256 * 1024;

    /// <summary>How often a turn runs at most when its state save meets a concurrent change (first run included).</summary>
    [Range(1, 10, ErrorMessage = "BotAdapter:MaxTurnAttempts must be between {1} and {2}.")]
    public int MaxTurnAttempts { get; set; } = 3;

    /// <summary>
    /// How long an inbound turn may take, from its arrival to its last reply: Teams drops an invoke answer after about
    /// 15 seconds, so the default leaves room for the network. The turn does not end when the caller hangs up.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00", ErrorMessage = "BotAdapter:TurnTimeout must be between 00:00:01 and 00:05:00.")]
    public TimeSpan TurnTimeout { get; set; } = TimeSpan.FromSeconds(12);

    /// <summary>
    /// Sent when a turn fails (a message, or the error answer of a card's <c>Action.Execute</c>) and the host has nothing more
    /// precise to say (<see cref="Builder.ITurnFailureMessages"/>); no detail of the failure is ever shown.
    /// </summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "BotAdapter:ErrorMessage must not be empty.")]
    public string ErrorMessage { get; set; } = "Sorry, something went wrong. Please try again in a moment.";

    /// <summary>The same for activities whose locale is <c>fr-*</c> (architecture §8).</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "BotAdapter:ErrorMessageFr must not be empty.")]
    public string ErrorMessageFr { get; set; } = "Désolé, une erreur s'est produite. Veuillez réessayer dans un instant.";
}
