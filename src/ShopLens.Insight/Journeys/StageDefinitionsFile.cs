using System.Text.Json;

namespace ShopLens.Insight.Journeys;

/// <summary>
/// Reads <see cref="StageDefinitions"/> from a JSON object such as <c>{"churn_days": 120, "loyal_min_orders": 5}</c>:
/// keys left out keep their defaults; an unknown key, a value that is not a whole number, or thresholds that contradict
/// each other are an <see cref="InvalidDataException"/> naming the file and the key.
/// </summary>
public static class StageDefinitionsFile
{
    /// <summary>Reads the file at <paramref name="path"/>.</summary>
    public static StageDefinitions Load(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: no such stages file", path);
        try
        {
            return Parse(File.ReadAllText(path));
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
    }

    /// <summary>Reads the JSON text of a stages file.</summary>
    public static StageDefinitions Parse(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"not valid JSON ({e.Message})", e);
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                throw new InvalidDataException($"expected a JSON object of thresholds ({string.Join(", ", StageDefinitions.Keys)})");
            var definitions = new StageDefinitions();
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (!StageDefinitions.Keys.Contains(property.Name))
                    throw new InvalidDataException($"unknown key '{property.Name}' (known: {string.Join(", ", StageDefinitions.Keys)})");
                if (property.Value.ValueKind != JsonValueKind.Number || !property.Value.TryGetInt32(out var value))
                    throw new InvalidDataException($"'{property.Name}' must be a whole number, not {property.Value.GetRawText()}");
                definitions = definitions.With(property.Name, value);
            }
            try
            {
                definitions.Validate();
            }
            catch (ArgumentException e)
            {
                throw new InvalidDataException(e.Message, e);
            }
            return definitions;
        }
    }
}
