namespace ShopLens.Insight.Journeys;

/// <summary>
/// Where a customer stands in their relationship with the shop as of a date. Each customer gets exactly one: the rules
/// of <see cref="StageDefinitions"/> are tried in the order of <see cref="LifecycleStages.Precedence"/> and the first
/// that holds wins (docs/journeys.md).
/// </summary>
public enum LifecycleStage
{
    /// <summary>Seen, has not bought, and shows little recent interest.</summary>
    Visitor,

    /// <summary>Has not bought, but looked around recently.</summary>
    Browsing,

    /// <summary>Has not bought, and put something in the cart recently.</summary>
    CartAbandoner,

    /// <summary>One kept order, recent enough.</summary>
    FirstTimeBuyer,

    /// <summary>Two or more kept orders, the last recent enough.</summary>
    RepeatBuyer,

    /// <summary>Many kept orders, the last recent enough.</summary>
    Loyal,

    /// <summary>A buyer whose last kept order is getting old.</summary>
    AtRisk,

    /// <summary>Nothing at all for a long time.</summary>
    Churned,
}

/// <summary>Names and order of the <see cref="LifecycleStage"/>s.</summary>
public static class LifecycleStages
{
    /// <summary>Stages in the order their rules are tried: the first that holds is the customer's stage.</summary>
    public static readonly IReadOnlyList<LifecycleStage> Precedence =
    [
        LifecycleStage.Churned, LifecycleStage.AtRisk, LifecycleStage.Loyal, LifecycleStage.RepeatBuyer,
        LifecycleStage.FirstTimeBuyer, LifecycleStage.CartAbandoner, LifecycleStage.Browsing, LifecycleStage.Visitor,
    ];

    /// <summary>Stages in journey order, from first sight to loss: how tables list them.</summary>
    public static readonly IReadOnlyList<LifecycleStage> All = Enum.GetValues<LifecycleStage>();

    /// <summary>The snake_case name used in SQL, JSON and CSV (<c>cart_abandoner</c>).</summary>
    public static string Name(LifecycleStage stage) => stage switch
    {
        LifecycleStage.Visitor => "visitor",
        LifecycleStage.Browsing => "browsing",
        LifecycleStage.CartAbandoner => "cart_abandoner",
        LifecycleStage.FirstTimeBuyer => "first_time_buyer",
        LifecycleStage.RepeatBuyer => "repeat_buyer",
        LifecycleStage.Loyal => "loyal",
        LifecycleStage.AtRisk => "at_risk",
        LifecycleStage.Churned => "churned",
        _ => throw new ArgumentOutOfRangeException(nameof(stage)),
    };

    /// <summary>The stage of a snake_case name.</summary>
    public static LifecycleStage Parse(string name)
    {
        foreach (var stage in All)
            if (Name(stage) == name) return stage;
        throw new ArgumentException($"unknown lifecycle stage '{name}'");
    }
}
