using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using ShopLens.Core.Import.Live;
using ShopLens.Server.Access;
using ShopLens.Server.Live;

namespace ShopLens.Server.Endpoints;

/// <summary>
/// <c>POST /v1/events</c>: one event, a JSON array of them, or <c>{"events": [...]}</c>. The accepted ones are committed
/// to the store and counted in their customers' live state before the answer, which gives each event's outcome.
/// </summary>
static class EventEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/events", async (HttpRequest request, ShopState state, CancellationToken ct) =>
        {
            IReadOnlyList<IReadOnlyDictionary<string, string?>?> events;
            try
            {
                using var body = await JsonDocument.ParseAsync(request.Body, default, ct);
                events = Events(body.RootElement);
            }
            catch (JsonException e)
            {
                return Results.Problem($"the body is not JSON ({e.Message})", statusCode: StatusCodes.Status400BadRequest, title: "bad body");
            }
            catch (FormatException e)
            {
                return Results.Problem(e.Message, statusCode: StatusCodes.Status400BadRequest, title: "bad body");
            }
            if (events.Count == 0)
                return Results.Problem("the body holds no events", statusCode: StatusCodes.Status400BadRequest, title: "no events");
            var max = Math.Min(state.Options.MaxEventsPerRequest, EventIngest.MaxEvents);
            if (events.Count > max)
                return Results.Problem($"{events.Count} events in one request; at most {max} (send several requests)",
                    statusCode: StatusCodes.Status413PayloadTooLarge, title: "too many events");
            var result = state.Gate.Use(store =>
            {
                var stored = new EventIngest(store).Ingest(events);
                // Still inside the gate, so sequence numbers follow commit order and a snapshot read later holds every earlier one.
                foreach (var outcome in stored.Outcomes)
                    if (outcome.Event is { } accepted) Observe(state, accepted);
                return stored;
            });
            return Results.Ok(new
            {
                batch_id = result.BatchId,
                accepted = result.Accepted,
                duplicates = result.Duplicates,
                rejected = result.Rejected,
                rejects_file = result.RejectsFile is { } f ? Path.GetFileName(f) : null,
                ignored_fields = result.IgnoredFields,
                results = result.Outcomes.Select((o, i) => new
                {
                    index = i,
                    status = o.Status.ToString().ToLowerInvariant(),
                    reason = o.Rejection?.Reason,
                    field = o.Rejection?.Field,
                    message = o.Rejection?.Message,
                }),
            });
        }).RequireAuthorization(Roles.Ingest).Accepts<JsonElement>("application/json").WithTags("events")
          .WithSummary("Stores events (one, an array, or {\"events\": [...]}); idempotent by event_id; per-event accepted, duplicate or rejected with the reason");
    }

    static IReadOnlyList<IReadOnlyDictionary<string, string?>?> Events(JsonElement root)
    {
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("events", out var list) && !root.TryGetProperty("customer_id", out _))
            root = list;
        return root.ValueKind switch
        {
            JsonValueKind.Array => [.. root.EnumerateArray().Select(Fields)],
            JsonValueKind.Object => [Fields(root)],
            _ => throw new FormatException("the body must be an event object, an array of them, or {\"events\": [...]}"),
        };
    }

    /// <summary>An event's fields as text, as a file would give them; null when the entry is not an object.</summary>
    static IReadOnlyDictionary<string, string?>? Fields(JsonElement e)
    {
        if (e.ValueKind != JsonValueKind.Object) return null;
        var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var p in e.EnumerateObject())
            fields[p.Name] = p.Value.ValueKind switch
            {
                JsonValueKind.String => p.Value.GetString(),
                JsonValueKind.Null => null,
                _ => p.Value.GetRawText(),
            };
        return fields;
    }

    /// <summary>Counts an accepted event in its customer's live state.</summary>
    static void Observe(ShopState state, AcceptedEvent e) =>
        state.Live.For(e.CustomerId).Observe(new LiveEvent(e.Type, e.ProductId, e.Timestamp), state.NextSequence());
}
