using KaizalaBot.BotFramework.Builder;
using KaizalaBot.Localization;
using KaizalaBot.Migration.Jobs;

namespace KaizalaBot.Dialogs.Migration;

/// <summary>What a step sees of the turn: the turn itself, the seller's texts and identity, and the dialog's answers so far.</summary>
internal sealed record MigrationTurn(ITurnContext Context, TextTable Texts, SellerIdentity Seller, MigrationDialogState State);
