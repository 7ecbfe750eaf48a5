using System.Text.Json.Serialization;

namespace KaizalaBot.BotFramework.Dialogs.Prompts;

/// <summary>
/// A prompt's options as <see cref="StoredPromptOptions"/> encodes them: their JSON in base64url, with the quotes, ready
/// to be copied into the state document as one JSON string.
/// </summary>
[JsonConverter(typeof(EncodedPromptOptionsConverter))]
internal sealed record EncodedPromptOptions(byte[] QuotedBase64Url);
