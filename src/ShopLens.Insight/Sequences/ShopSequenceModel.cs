using System.Globalization;
using System.Text;
using System.Text.Json;
using DuckDB.NET.Data;
using ShopLens.Core.Model;
using ShopLens.Core.Store;
using ShopLens.Insight.Predictions;
using ShopLens.Learning.Sequence;

namespace ShopLens.Insight.Sequences;

/// <summary>
/// A sequence model fitted on the shop's events, with what its indices stand for: customers (by store key), products
/// (by key and id) and event types. Trains on the store (<see cref="Train"/>), saves to its <c>sequence_models</c>
/// table, and predicts a customer's next products, next action and purchase intent from their latest events.
/// </summary>
public sealed class ShopSequenceModel
{
    readonly Dictionary<int, int> _itemOfProduct;
    readonly Dictionary<EventType, int> _kindOfType;
    readonly Dictionary<string, int> _itemOfId;

    ShopSequenceModel(SequenceModel model, int[] productKeys, string[] productIds, EventType[] kindTypes, SequenceTrainingSummary summary)
    {
        (Model, ProductKeys, ProductIds, KindTypes, Summary) = (model, productKeys, productIds, kindTypes, summary);
        _itemOfProduct = productKeys.Select((key, i) => (key, i)).ToDictionary(p => p.key, p => p.i);
        _kindOfType = kindTypes.Select((type, k) => (type, k)).ToDictionary(p => p.type, p => p.k);
        _itemOfId = productIds.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i, StringComparer.Ordinal);
    }

    public SequenceModel Model { get; }

    /// <summary>The product key of each item index.</summary>
    public IReadOnlyList<int> ProductKeys { get; }

    public IReadOnlyList<string> ProductIds { get; }

    /// <summary>The event type of each kind index.</summary>
    public IReadOnlyList<EventType> KindTypes { get; }

    public SequenceTrainingSummary Summary { get; }

    /// <summary>
    /// Fits the model on every customer's events on products before <paramref name="before"/> (all when null; each
    /// customer's latest <see cref="SequenceOptions.MaxLength"/> + 1 are enough), with purchases as the intent kind.
    /// </summary>
    /// <exception cref="InsufficientDataException">no customer with two events on products</exception>
    public static ShopSequenceModel Train(IShopStore store, SequenceOptions options, DateTime? before = null, IProgress<SequenceProgress>? progress = null,
        CancellationToken ct = default) =>
        Fit(Read(store, options, before), options, before, progress, ct);

    /// <summary>
    /// The events <see cref="Train"/> learns from, read apart from the fit so that a server holds its store only to
    /// read them (and later to <see cref="Save"/>), not while training.
    /// </summary>
    public static ShopSequences Read(IShopStore store, SequenceOptions options, DateTime? before = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        return ShopSequences.Load(store, new ShopSequenceOptions { Before = before, MaxLength = options.MaxLength + 1 });
    }

    /// <summary>Fits the model on sequences from <see cref="Read"/> with the same <paramref name="before"/>.</summary>
    /// <exception cref="InsufficientDataException">no customer with two events on products</exception>
    public static ShopSequenceModel Fit(ShopSequences shop, SequenceOptions options, DateTime? before = null, IProgress<SequenceProgress>? progress = null,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(shop);
        ArgumentNullException.ThrowIfNull(options);
        if (Enumerable.Range(0, shop.Sequences.Count).All(s => shop.Sequences.Length(s) < 2))
            throw new InsufficientDataException("no customer has two events on products: nothing for a sequence model to learn");
        options = options with { IntentKind = shop.PurchaseKind };
        var epochs = new List<SequenceEpoch>();
        // Intent labels are known up to the cut-off (or the data's end), not just to each customer's own last event.
        var observedUntil = before is { } cut ? ShopSequences.UnixSeconds(cut) : shop.Sequences.Time.Max();
        var model = new SequenceTrainer(options).Fit(shop.Sequences, observedUntil: observedUntil, progress: progress, epochDone: epochs.Add, ct: ct);
        var summary = new SequenceTrainingSummary(DateTime.UtcNow, before, shop.Sequences.Count, shop.Sequences.Events, shop.Sequences.Items,
            [.. epochs.Select(e => Math.Round(e.ItemLoss, 4))], Math.Round(epochs.Sum(e => e.Elapsed.TotalSeconds), 2),
            Math.Round(epochs.Average(e => e.TokensPerSecond)));
        return new ShopSequenceModel(model, [.. shop.ProductKeys], [.. shop.ProductIds], [.. shop.KindTypes], summary);
    }

    /// <summary>
    /// What the model expects of a customer after their latest events (up to now, including any that arrived after
    /// training): the <paramref name="k"/> likeliest next products, leaving out what they already bought unless
    /// <paramref name="includeBought"/>; each event type's chance of being next; and the chance of a purchase within the horizon.
    /// </summary>
    /// <exception cref="KeyNotFoundException">no such customer, or none of their events is on a product the model knows</exception>
    public NextEvents PredictNext(IShopStore store, string customerId, int k = 10, bool includeBought = false) => Follow(store, customerId).Next(k, includeBought);

    /// <summary>
    /// The customer's state after their latest events in the store (the newest <see cref="SequenceOptions.MaxLength"/> × 2
    /// are read) and everything they ever bought; later events are then taken one at a time (<see cref="CustomerSequence.Append"/>).
    /// </summary>
    /// <exception cref="KeyNotFoundException">no such customer, or none of their events is on a product the model knows</exception>
    public CustomerSequence Follow(IShopStore store, string customerId)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(customerId);
        if (store.Scalar<object?>($"SELECT customer_key FROM customers WHERE customer_id = {SqlLiteral.Text(customerId)}") is not int key)
            throw new KeyNotFoundException($"no customer '{customerId}' in the store");
        List<int> items = [], kinds = [];
        List<long> times = [];
        var bought = new HashSet<int>();
        var unknown = 0;
        using (var reader = store.Query($"""
            SELECT product_key, type, ts FROM (
              SELECT product_key, type, ts FROM events WHERE customer_key = {key} AND product_key IS NOT NULL
              ORDER BY ts DESC, product_key DESC, type DESC LIMIT {Model.Options.MaxLength * 2})
            ORDER BY ts, product_key, type
            """))
            while (reader.Read())
            {
                var product = Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture);
                var type = (EventType)Convert.ToByte(reader.GetValue(1), CultureInfo.InvariantCulture);
                if (!_itemOfProduct.TryGetValue(product, out var item) || !_kindOfType.TryGetValue(type, out var kind))
                {
                    unknown++;
                    continue;
                }
                items.Add(item);
                kinds.Add(kind);
                times.Add(ShopSequences.UnixSeconds(reader.GetDateTime(2)));
            }
        if (items.Count == 0)
            throw new KeyNotFoundException($"customer '{customerId}' has no event on a product the sequence model knows ({unknown} on newer products): retrain it");
        // Everything they ever bought, not only within the window the model reads.
        using (var reader = store.Query($"SELECT DISTINCT product_key FROM events WHERE customer_key = {key} AND type = {(int)EventType.Purchase} AND product_key IS NOT NULL"))
            while (reader.Read())
                if (_itemOfProduct.TryGetValue(Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture), out var item)) bought.Add(item);
        var state = Model.Start();
        state.Reset([.. items], [.. kinds], [.. times]);
        return new CustomerSequence(this, customerId, state, bought, times[^1], items.Count, unknown);
    }

    /// <summary>The model's item and kind for a product id and event type, or null when it knows either not.</summary>
    internal (int Item, int Kind)? Encode(string productId, EventType type) =>
        _itemOfId.TryGetValue(productId, out var item) && _kindOfType.TryGetValue(type, out var kind) ? (item, kind) : null;

    /// <summary>The next-step view of a state: top products (without <paramref name="exclude"/>), next action, intent.</summary>
    internal NextEvents Describe(string customerId, SequenceState state, IReadOnlySet<int>? exclude, int k, int eventsRead, int eventsUnknown)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        return NextEvents.From(customerId, state.Predict(), ProductIds, KindTypes, exclude, k, eventsRead, eventsUnknown,
            Model.Options.IntentKind is null ? null : Model.Options.IntentHorizonDays);
    }

    /// <summary>Replaces the store's saved sequence model with this one.</summary>
    public void Save(ShopStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        using var bytes = new MemoryStream();
        using (var w = new BinaryWriter(bytes, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(ProductKeys.Count);
            foreach (var k in ProductKeys) w.Write(k);
            foreach (var id in ProductIds) w.Write(id);
            w.Write(KindTypes.Count);
            foreach (var t in KindTypes) w.Write((byte)t);
        }
        Model.Save(bytes);
        using var tx = store.Connection.BeginTransaction();
        store.Execute("DELETE FROM sequence_models");
        using (var insert = store.Connection.CreateCommand())
        {
            insert.CommandText = "INSERT INTO sequence_models (created_at, summary, data) VALUES ($1, $2, $3)";
            insert.Parameters.Add(new DuckDBParameter(Summary.TrainedAt));
            insert.Parameters.Add(new DuckDBParameter(JsonSerializer.Serialize(Summary)));
            insert.Parameters.Add(new DuckDBParameter(bytes.ToArray()));
            insert.ExecuteNonQuery();
        }
        tx.Commit();
    }

    /// <summary>Whether the store holds a trained sequence model.</summary>
    public static bool Saved(IShopStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.Scalar<long>("SELECT count(*) FROM sequence_models") > 0;
    }

    /// <exception cref="KeyNotFoundException">no sequence model was trained on this store</exception>
    /// <exception cref="InvalidDataException">the saved bytes are damaged</exception>
    public static ShopSequenceModel Load(IShopStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        using var reader = store.Query("SELECT summary, data FROM sequence_models");
        if (!reader.Read()) throw new KeyNotFoundException("no trained sequence model: run `shoplens train sequence` first");
        var summary = JsonSerializer.Deserialize<SequenceTrainingSummary>(reader.GetString(0))
            ?? throw new InvalidDataException("the saved sequence model's summary is empty");
        using var data = new MemoryStream();
        using (var blob = reader.GetStream(1)) blob.CopyTo(data);
        data.Position = 0;
        try
        {
            using var r = new BinaryReader(data, Encoding.UTF8, leaveOpen: true);
            var products = r.ReadInt32();
            if (products < 1 || products > data.Length / sizeof(int)) throw new InvalidDataException("the saved sequence model is damaged");
            var keys = Enumerable.Range(0, products).Select(_ => r.ReadInt32()).ToArray();
            var ids = Enumerable.Range(0, products).Select(_ => r.ReadString()).ToArray();
            var kinds = r.ReadInt32();
            if (kinds < 1 || kinds > 256) throw new InvalidDataException("the saved sequence model is damaged");
            var types = Enumerable.Range(0, kinds).Select(_ => (EventType)r.ReadByte()).ToArray();
            var model = SequenceModel.Load(data);
            if (model.Items != products || model.Kinds != kinds) throw new InvalidDataException("the saved sequence model is damaged");
            return new ShopSequenceModel(model, keys, ids, types, summary);
        }
        catch (EndOfStreamException)
        {
            throw new InvalidDataException("the saved sequence model is cut short");
        }
    }
}
