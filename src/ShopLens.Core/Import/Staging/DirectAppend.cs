namespace ShopLens.Core.Import.Staging;

/// <summary>
/// Lets a batch of facts go straight into the store's table instead of through a staging table, when its first
/// rows are later than the latest stored row (<paramref name="StoredMaxMicros"/>, null for an empty table). Repeats
/// are then removed after the fact (<see cref="TableMerger.RemoveRepeats"/>), which costs little for new data.
/// </summary>
sealed record DirectAppend(int BatchId, int TimestampColumn, long? StoredMaxMicros);
