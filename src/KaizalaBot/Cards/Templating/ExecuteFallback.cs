using System.Text.Json;

namespace KaizalaBot.Cards.Templating;

/// <summary>
/// Gives an <c>Action.Execute</c> an <c>Action.Submit</c> fallback with the same title and data plus its <c>verb</c>, and
/// its <c>isEnabled</c> (protocol ref. §5.4): clients without Universal Actions still reach the same route or prompt,
/// and no template can forget it. Written with the action, from the same bound values, in one pass.
/// </summary>
/// <remarks>
/// Compiled for every object with a <c>type</c> and no <c>fallback</c> outside an explicit fallback; whether the bound
/// type is <c>Action.Execute</c> is checked when written, so a type given by an expression is treated alike.
/// </remarks>
internal sealed class ExecuteFallback(TemplateValueNode type, IReadOnlyList<TemplateProperty> action)
{
    private const string ExecuteType = "Action.Execute";
    private const string VerbKey = "verb";

    private static readonly JsonEncodedText FallbackName = JsonEncodedText.Encode("fallback");
    private static readonly JsonEncodedText TypeName = JsonEncodedText.Encode("type");
    private static readonly JsonEncodedText SubmitType = JsonEncodedText.Encode("Action.Submit");
    private static readonly JsonEncodedText TitleName = JsonEncodedText.Encode("title");
    private static readonly JsonEncodedText DataName = JsonEncodedText.Encode("data");
    private static readonly JsonEncodedText VerbName = JsonEncodedText.Encode(VerbKey);
    private static readonly JsonEncodedText IsEnabledName = JsonEncodedText.Encode("isEnabled");

    private readonly TemplateNode? _title = Find(action, "title");
    private readonly TemplateNode? _data = Find(action, "data");
    private readonly TemplateNode? _verb = Find(action, VerbKey);
    private readonly TemplateNode? _isEnabled = Find(action, "isEnabled");

    public void WriteIfExecute(Utf8JsonWriter writer, TemplateScope scope)
    {
        if (type.Evaluate(scope) is not { ValueKind: JsonValueKind.String } value || !value.ValueEquals(ExecuteType))
        {
            return;
        }

        writer.WritePropertyName(FallbackName);
        writer.WriteStartObject();
        writer.WriteString(TypeName, SubmitType);
        writer.WritePropertyName(TitleName);
        WriteOrNull(writer, _title, scope);
        writer.WritePropertyName(DataName);
        WriteData(writer, scope);

        // A null isEnabled is no isEnabled: the fallback then shows enabled, as the action does.
        if (_isEnabled is not TemplateValueNode enabledValue)
        {
            if (_isEnabled is not null)
            {
                writer.WritePropertyName(IsEnabledName);
                _isEnabled.WriteAsValue(writer, scope);
            }
        }
        else if (enabledValue.Evaluate(scope) is var enabled && !TemplateValues.IsNone(enabled))
        {
            writer.WritePropertyName(IsEnabledName);
            enabled.WriteTo(writer);
        }

        writer.WriteEndObject();
    }

    /// <summary>The action's data when it is an object, with the action's verb unless the data names a verb of its own.</summary>
    private void WriteData(Utf8JsonWriter writer, TemplateScope scope)
    {
        writer.WriteStartObject();
        var hasVerb = false;
        switch (_data)
        {
            case ObjectTemplateNode obj:
                var scopes = new List<TemplateScope>(1);
                obj.Expand(scope, scopes);
                if (scopes.Count == 1)
                {
                    foreach (var property in obj.Properties)
                    {
                        writer.WritePropertyName(property.EncodedName);
                        if (property.Name == VerbKey)
                        {
                            hasVerb = true;
                            WriteDataVerb(writer, property.Value, scopes[0], scope);
                        }
                        else
                        {
                            property.Value.WriteAsValue(writer, scopes[0]);
                        }
                    }
                }

                break;
            case TemplateValueNode value when value.Evaluate(scope) is { ValueKind: JsonValueKind.Object } bound:
                foreach (var property in bound.EnumerateObject())
                {
                    if (!property.NameEquals(VerbKey))
                    {
                        property.WriteTo(writer);
                        continue;
                    }

                    hasVerb = true;
                    writer.WritePropertyName(VerbName);
                    if (property.Value.ValueKind == JsonValueKind.Null)
                    {
                        WriteOrNull(writer, _verb, scope);
                    }
                    else
                    {
                        property.Value.WriteTo(writer);
                    }
                }

                break;
        }

        if (!hasVerb)
        {
            writer.WritePropertyName(VerbName);
            WriteOrNull(writer, _verb, scope);
        }

        writer.WriteEndObject();
    }

    // The data's own verb when it binds to a value; the action's verb in place of a null one.
    private void WriteDataVerb(Utf8JsonWriter writer, TemplateNode own, TemplateScope dataScope, TemplateScope actionScope)
    {
        if (own is not TemplateValueNode value)
        {
            own.WriteAsValue(writer, dataScope);
        }
        else if (value.Evaluate(dataScope) is var bound && !TemplateValues.IsNone(bound))
        {
            bound.WriteTo(writer);
        }
        else
        {
            WriteOrNull(writer, _verb, actionScope);
        }
    }

    private static void WriteOrNull(Utf8JsonWriter writer, TemplateNode? node, TemplateScope scope)
    {
        if (node is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            node.WriteAsValue(writer, scope);
        }
    }

    private static TemplateNode? Find(IReadOnlyList<TemplateProperty> properties, string name) =>
        properties.FirstOrDefault(p => p.Name == name)?.Value;
}
