namespace KaizalaBot.Cards.Templating;

internal readonly record struct TemplateStringPart(string Text, bool IsExpression);
