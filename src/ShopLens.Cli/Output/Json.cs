using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using ShopLens.Server.Contracts;

namespace ShopLens.Cli.Output;

/// <summary>JSON for scripts: snake_case keys, ISO 8601 UTC times, one object per command.</summary>
static class Json
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        WriteIndented = false,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Converters = { new UtcDateTimeJson() },
    };

    public static void Write(TextWriter stdout, object value) => stdout.WriteLine(JsonSerializer.Serialize(value, value.GetType(), Options));
}
