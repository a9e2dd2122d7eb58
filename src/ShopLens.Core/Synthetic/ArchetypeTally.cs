namespace ShopLens.Core.Synthetic;

/// <summary>What the members of one archetype actually did in the simulation, for the realised figures of truth.json.</summary>
sealed class ArchetypeTally
{
    public long Customers;
    public long AliveAtEnd;
    public long Buyers;
    /// <summary>Days from the start of activity (sign-up, or the period's start) to the earlier of death and the end, summed over members.</summary>
    public double ActiveDays;
    public long Sessions;
    public long Events;
    public long Views;
    public long Carts;
    public long RemovedFromCart;
    public long PurchaseEvents;
    public long Orders;
    public long CancelledOrders;
    public long ReturnedOrders;
    public long Lines;
    public long DiscountedLines;
    /// <summary>Paid value of orders that were not cancelled, in cents, after discounts.</summary>
    public long RevenueCents;
    public long Reviews;
    public long RatingSum;

    /// <summary>Orders per day while alive, pooled: orders / active days.</summary>
    public double PurchaseRate => ActiveDays > 0 ? Orders / ActiveDays : 0;

    public double OrdersPerCustomer => Customers > 0 ? (double)Orders / Customers : 0;

    public double ViewToCart => Views > 0 ? (double)Carts / Views : 0;

    /// <summary>Purchased order lines per cart event.</summary>
    public double CartToPurchase => Carts > 0 ? (double)PurchaseEvents / Carts : 0;

    public double SessionConversion => Sessions > 0 ? (double)Orders / Sessions : 0;

    public double DiscountedLineShare => Lines > 0 ? (double)DiscountedLines / Lines : 0;

    public double RevenuePerCustomer => Customers > 0 ? RevenueCents / 100.0 / Customers : 0;

    public double MeanRating => Reviews > 0 ? (double)RatingSum / Reviews : 0;
}
