using System.Text.Json;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ShopLens.Insight.Segments.Rules;

/// <summary>A rule as a file states it, before its condition is parsed.</summary>
readonly record struct RawRule(string Name, string When);

/// <summary>
/// Reads a rules file, JSON (<c>.json</c>) or YAML (<c>.yaml</c>, <c>.yml</c>): either a list of rules, or an object
/// with <c>rules</c> (that list) and an optional <c>default</c> tag. A rule is an object with exactly <c>name</c> and
/// <c>when</c>. Both formats become one small tree (objects, lists, text) so they are checked by the same code.
/// </summary>
static class RuleFile
{
    public static (IReadOnlyList<RawRule> Rules, string? DefaultTag) Read(string text, string source)
    {
        var extension = Path.GetExtension(source).ToLowerInvariant();
        if (extension is ".json" or ".yaml" or ".yml" && string.IsNullOrWhiteSpace(text)) throw new RuleParseException($"{source}: the file is empty");
        var tree = extension switch
        {
            ".json" => FromJson(text, source),
            ".yaml" or ".yml" => FromYaml(text, source),
            _ => throw new RuleParseException($"{source}: rules are read from .json, .yaml or .yml files"),
        };
        return Interpret(tree, source);
    }

    static (IReadOnlyList<RawRule>, string?) Interpret(object? tree, string source)
    {
        string? defaultTag = null;
        if (tree is Dictionary<string, object?> top)
        {
            var stray = top.Keys.FirstOrDefault(k => k is not ("rules" or "default"));
            if (stray is not null) throw new RuleParseException($"{source}: unknown key '{stray}' at the top; expected 'rules' and optionally 'default'");
            if (top.TryGetValue("default", out var d))
                defaultTag = d as string ?? throw new RuleParseException($"{source}: 'default' must be a tag name, not a list or object");
            tree = top.TryGetValue("rules", out var list) ? list : throw new RuleParseException($"{source}: no 'rules' list");
        }
        if (tree is not List<object?> items) throw new RuleParseException($"{source}: expected a list of rules, or an object with a 'rules' list");
        var rules = new List<RawRule>();
        for (var i = 0; i < items.Count; i++)
        {
            var where = $"{source}: rule {i + 1}";
            if (items[i] is not Dictionary<string, object?> rule) throw new RuleParseException($"{where}: expected an object with 'name' and 'when'");
            var stray = rule.Keys.FirstOrDefault(k => k is not ("name" or "when"));
            if (stray is not null) throw new RuleParseException($"{where}: unknown key '{stray}'; a rule has 'name' and 'when'");
            var name = Field(rule, "name", where);
            rules.Add(new RawRule(name, Field(rule, "when", $"{where} \"{name}\"")));
        }
        return (rules, defaultTag);
    }

    static string Field(Dictionary<string, object?> rule, string key, string where) =>
        !rule.TryGetValue(key, out var value) ? throw new RuleParseException($"{where}: no '{key}'")
        : value as string ?? throw new RuleParseException($"{where}: '{key}' must be text, not a list or object");

    static object? FromJson(string text, string source)
    {
        try
        {
            using var doc = JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            return Convert(doc.RootElement, source);
        }
        catch (JsonException e)
        {
            var reason = e.Message.Split(" LineNumber:")[0].Trim();
            throw new RuleParseException($"{source}: line {e.LineNumber + 1}, column {e.BytePositionInLine + 1}: not valid JSON ({reason})", e);
        }
    }

    static object? Convert(JsonElement e, string source) => e.ValueKind switch
    {
        JsonValueKind.Object => Map(e.EnumerateObject().Select(p => (p.Name, Convert(p.Value, source))), source),
        JsonValueKind.Array => e.EnumerateArray().Select(x => Convert(x, source)).ToList(),
        JsonValueKind.String => e.GetString(),
        JsonValueKind.Null => "",
        _ => e.GetRawText(),
    };

    static object? FromYaml(string text, string source)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new RuleParseException($"{source}: line {e.Start.Line}, column {e.Start.Column}: not valid YAML ({e.Message.Split('\n')[0].Trim()})", e);
        }
        if (stream.Documents.Count != 1) throw new RuleParseException($"{source}: the file holds {stream.Documents.Count} YAML documents; put every rule in one");
        return Convert(stream.Documents[0].RootNode, source);
    }

    static object? Convert(YamlNode node, string source) => node switch
    {
        YamlMappingNode map => Map(map.Children.Select(kv => (Convert(kv.Key, source) as string ?? "", Convert(kv.Value, source))), source),
        YamlSequenceNode list => list.Children.Select(x => Convert(x, source)).ToList(),
        YamlScalarNode scalar => scalar.Value ?? "",
        _ => throw new RuleParseException($"{source}: line {node.Start.Line}: unsupported YAML node"),
    };

    static Dictionary<string, object?> Map(IEnumerable<(string Key, object? Value)> pairs, string source)
    {
        var map = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in pairs)
            if (!map.TryAdd(key, value)) throw new RuleParseException($"{source}: the key '{key}' appears twice in one object");
        return map;
    }
}
