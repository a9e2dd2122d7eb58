namespace ShopLens.Insight.Sequences;

/// <summary>How <see cref="SequenceBacktest"/> holds out next events.</summary>
public enum SequenceSplit
{
    /// <summary>Each event before the cut-off is training; each customer's first event on a product at or after it is predicted.</summary>
    Time,

    /// <summary>SASRec's: each customer's last event is the test case, the one before it validation, the rest training.</summary>
    LeaveOneOut,
}
