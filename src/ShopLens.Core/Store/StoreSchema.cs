using ShopLens.Core.Model;

namespace ShopLens.Core.Store;

/// <summary>The store's tables as versioned migrations; a store opens at the newest version, applying what it lacks in order.</summary>
public static class StoreSchema
{
    /// <summary>Migration n (1-based) is <c>Migrations[n - 1]</c>; never edit one that has shipped, add a new one.</summary>
    public static readonly IReadOnlyList<string> Migrations =
    [
        $"""
        CREATE TABLE customers (customer_key INTEGER NOT NULL, customer_id VARCHAR NOT NULL,
            first_seen TIMESTAMP, region VARCHAR, channel VARCHAR, age_band VARCHAR);
        CREATE TABLE products (product_key INTEGER NOT NULL, product_id VARCHAR NOT NULL,
            title VARCHAR, category VARCHAR, brand VARCHAR, price DOUBLE);
        CREATE TABLE events ({StoreColumns.Definitions(CanonicalSchema.Events)}, batch_id INTEGER NOT NULL);
        CREATE TABLE orders ({StoreColumns.Definitions(CanonicalSchema.Orders)}, batch_id INTEGER NOT NULL);
        CREATE TABLE order_lines ({StoreColumns.Definitions(CanonicalSchema.OrderLines)}, batch_id INTEGER NOT NULL);
        CREATE TABLE reviews ({StoreColumns.Definitions(CanonicalSchema.Reviews)}, batch_id INTEGER NOT NULL);
        CREATE TABLE event_types (type UTINYINT NOT NULL, name VARCHAR NOT NULL);
        INSERT INTO event_types VALUES {string.Join(", ", EventTypes.All.Select(t => $"({(int)t}, '{EventTypes.Name(t)}')"))};
        CREATE TABLE import_batches (batch_id INTEGER NOT NULL, source VARCHAR NOT NULL, format VARCHAR NOT NULL,
            target VARCHAR NOT NULL, first_line BIGINT NOT NULL, last_line BIGINT NOT NULL,
            read BIGINT NOT NULL, accepted BIGINT NOT NULL, rejected BIGINT NOT NULL, duplicates BIGINT NOT NULL,
            by_reason VARCHAR NOT NULL, rejects_file VARCHAR, committed_at TIMESTAMP NOT NULL);
        """,
        // Segment memberships the last `shoplens segment` of each method saved, for breakdowns (funnels, reports).
        """
        CREATE TABLE segments (method VARCHAR NOT NULL, customer_key INTEGER NOT NULL, segment VARCHAR NOT NULL,
            as_of TIMESTAMP, created_at TIMESTAMP NOT NULL);
        """,
        // Prediction models (`shoplens train`): the newest per task with its model card, and the scores it gave.
        """
        CREATE TABLE models (task VARCHAR NOT NULL, created_at TIMESTAMP NOT NULL, card VARCHAR NOT NULL, model BLOB NOT NULL);
        CREATE TABLE predictions (task VARCHAR NOT NULL, customer_key INTEGER NOT NULL, as_of TIMESTAMP NOT NULL,
            probability DOUBLE NOT NULL, low DOUBLE, high DOUBLE, decile INTEGER NOT NULL);
        """,
        // Customer value models (`shoplens train clv`): each fitted model's summary, and per customer what it forecast
        // over the horizon after the calibration end (columns a model does not give are NULL).
        """
        CREATE TABLE value_models (model VARCHAR NOT NULL, created_at TIMESTAMP NOT NULL, calibration_end DATE NOT NULL,
            horizon_days INTEGER NOT NULL, summary VARCHAR NOT NULL);
        CREATE TABLE customer_value (model VARCHAR NOT NULL, customer_key INTEGER NOT NULL, p_alive DOUBLE,
            expected_orders DOUBLE, p_order DOUBLE, spend_per_order DOUBLE, expected_spend DOUBLE NOT NULL,
            spend_low DOUBLE, spend_high DOUBLE, clv DOUBLE NOT NULL, next_order DATE, next_order_low DATE,
            next_order_high DATE, next_order_status VARCHAR);
        """,
        // Recommenders (`shoplens train recs`): the newest fit of each, with the customer and product keys of its rows
        // and columns, for `recommend`.
        """
        CREATE TABLE recommenders (model VARCHAR NOT NULL, created_at TIMESTAMP NOT NULL, setting VARCHAR NOT NULL,
            data BLOB NOT NULL);
        """,
        // API keys of `shoplens serve` (`shoplens keys`): only the SHA-256 of each key is kept, never the key itself.
        """
        CREATE TABLE api_keys (key_id VARCHAR NOT NULL, name VARCHAR, role VARCHAR NOT NULL, hash BLOB NOT NULL,
            created_at TIMESTAMP NOT NULL, revoked_at TIMESTAMP);
        """,
        // The sequence model (`shoplens train sequence`): the newest fit, with the customer keys, product keys and
        // event types its indices stand for, and a summary of its training.
        """
        CREATE TABLE sequence_models (created_at TIMESTAMP NOT NULL, summary VARCHAR NOT NULL, data BLOB NOT NULL);
        """,
        // Review sentiment (`shoplens reviews train`): the newest text classifier with its card, and the probability it
        // gives each stored review's text of being positive (a review is its review_id, customer, product and time).
        """
        CREATE TABLE review_models (created_at TIMESTAMP NOT NULL, card VARCHAR NOT NULL, model BLOB NOT NULL);
        CREATE TABLE review_sentiment (review_id VARCHAR, customer_key INTEGER NOT NULL, product_key INTEGER NOT NULL,
            ts TIMESTAMP NOT NULL, probability DOUBLE NOT NULL);
        """,
    ];
}
