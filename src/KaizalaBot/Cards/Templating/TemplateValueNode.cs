using System.Text.Json;
using System.Text.Json.Nodes;

namespace KaizalaBot.Cards.Templating;

/// <summary>A template string or literal: a value that can also be read (for <c>$data</c>, <c>$when</c>, a fallback's verb).</summary>
internal abstract class TemplateValueNode : TemplateNode
{
    /// <summary>The bound value: a node of the card data or of the template, to read or write, never to attach elsewhere.</summary>
    public abstract JsonNode? Evaluate(TemplateScope scope);

    public override void Write(Utf8JsonWriter writer, TemplateScope scope) => WriteValue(writer, Evaluate(scope));

    /// <summary>Writes a bound value as it is, JSON null for none.</summary>
    public static void WriteValue(Utf8JsonWriter writer, JsonNode? value)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            value.WriteTo(writer);
        }
    }
}
