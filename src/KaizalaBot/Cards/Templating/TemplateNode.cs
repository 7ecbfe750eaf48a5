using System.Text.Json;

namespace KaizalaBot.Cards.Templating;

/// <summary>
/// A compiled part of a card template: written straight to the card's JSON for a scope, without building the card as
/// nodes first. Only an object with <c>$data</c> or <c>$when</c> can stand for other than exactly one element.
/// </summary>
internal abstract class TemplateNode
{
    /// <summary>True when <see cref="Expand"/> can give other than the one scope it is called with.</summary>
    public virtual bool IsConditional => false;

    /// <summary>Adds to <paramref name="into"/> the scope of each element this node stands for (none when dropped).</summary>
    public virtual void Expand(TemplateScope scope, List<TemplateScope> into) => into.Add(scope);

    /// <summary>Writes the element in <paramref name="scope"/>, one of the scopes <see cref="Expand"/> gave.</summary>
    public abstract void Write(Utf8JsonWriter writer, TemplateScope scope);

    /// <summary>
    /// Writes this node as the value of a property: the element when it stands for exactly one, otherwise an array of
    /// them (empty when it was dropped), as the Adaptive Cards templating language does.
    /// </summary>
    public void WriteAsValue(Utf8JsonWriter writer, TemplateScope scope)
    {
        if (!IsConditional)
        {
            Write(writer, scope);
            return;
        }

        var scopes = new List<TemplateScope>(4);
        Expand(scope, scopes);
        if (scopes.Count == 1)
        {
            Write(writer, scopes[0]);
            return;
        }

        writer.WriteStartArray();
        foreach (var each in scopes)
        {
            Write(writer, each);
        }

        writer.WriteEndArray();
    }
}
