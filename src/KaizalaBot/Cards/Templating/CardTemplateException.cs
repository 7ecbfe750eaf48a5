namespace KaizalaBot.Cards.Templating;

/// <summary>A template cannot be bound: bad syntax, or a path the model does not have. Names where in the template.</summary>
public sealed class CardTemplateException : Exception
{
    public CardTemplateException()
    {
    }

    public CardTemplateException(string message)
        : base(message)
    {
    }

    public CardTemplateException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public CardTemplateException(string message, string location)
        : base($"{message} (at {location})")
    {
        Location = location;
    }

    public string? Location { get; }
}
