using System.Text.Json;

namespace KaizalaBot.Cards.Templating;

/// <summary>A template string or literal: a value that can also be read (for <c>$data</c>, <c>$when</c>, a fallback's verb).</summary>
internal abstract class TemplateValueNode : TemplateNode
{
    /// <summary>The bound value: an element of the card data or of the template (<c>default</c> for none), to read or write.</summary>
    public abstract JsonElement Evaluate(TemplateScope scope);

    public override void Write(Utf8JsonWriter writer, TemplateScope scope) => WriteValue(writer, Evaluate(scope));

    /// <summary>Writes a bound value as it is, JSON null for none.</summary>
    public static void WriteValue(Utf8JsonWriter writer, JsonElement value)
    {
        if (TemplateValues.IsNone(value))
        {
            writer.WriteNullValue();
        }
        else
        {
            value.WriteTo(writer);
        }
    }
}
