using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ShopLens.Server.Contracts;

/// <summary>
/// Writes every <see cref="DateTime"/> as ISO 8601 UTC with a <c>Z</c>: the store keeps UTC without a kind, and a time
/// without its zone would be read as local by clients.
/// </summary>
public sealed class UtcDateTimeJson : JsonConverter<DateTime>
{
    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDateTime().ToUniversalTime();

    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(DateTime.SpecifyKind(value, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture));
    }
}
