namespace ShopLens.Core.Model;

/// <summary>How a canonical column's text is parsed and checked on import.</summary>
public enum ColumnKind
{
    /// <summary>An external id: any non-empty text up to 256 characters, kept as a string.</summary>
    Id,
    /// <summary>A customer id, dictionary-encoded to a dense <c>customer_key</c> in the store.</summary>
    CustomerRef,
    /// <summary>A product id, dictionary-encoded to a dense <c>product_key</c> in the store.</summary>
    ProductRef,
    /// <summary>Free text (any language, UTF-8), up to 64 KiB.</summary>
    Text,
    /// <summary>ISO 8601 date or date-time (UTC unless an offset is given), Unix seconds or Unix milliseconds.</summary>
    Timestamp,
    /// <summary>A decimal number (<c>.</c> as the separator), finite and at least 0.</summary>
    Amount,
    /// <summary>A whole number, at least 0 (returns are an order status or a refund event, not a negative count).</summary>
    Count,
    /// <summary>A share between 0 and 1.</summary>
    Fraction,
    /// <summary>One of the event type names of <see cref="EventTypes"/>.</summary>
    EventTypeName,
    /// <summary>One of the statuses of <see cref="OrderStatus"/>.</summary>
    OrderStatusName,
    /// <summary>A whole number from 1 to 5.</summary>
    Rating,
}
