namespace ShopLens.Insight.Cohorts;

/// <summary>What puts a customer into a cohort.</summary>
public enum CohortBasis
{
    /// <summary>The period of the customer's first kept order; a cohort member is active in a period with a kept order.</summary>
    FirstPurchase,

    /// <summary>
    /// The period the customer was first seen (the earlier of <c>customers.first_seen</c> and their first event or order);
    /// a cohort member is active in a period with any event or order.
    /// </summary>
    FirstSeen,
}
