using ShopLens.Core.Model;
using ShopLens.Core.Store;

namespace ShopLens.Core.Import.Staging;

/// <summary>
/// Runs on the writer's thread just before a chunk is appended: turns customer and product ids into dense keys,
/// and, for events, drops the rows that repeat an earlier row of the batch.
/// </summary>
sealed class ChunkEncoder(CanonicalTable table, IdDictionary customers, IdDictionary products)
{
    readonly EventDeduplicator? _deduplicator = table.Table == Table.Events ? new EventDeduplicator() : null;
    readonly char[] _scratch = new char[TableStager.MaxIdChars];
    readonly IdDictionary?[] _dictionaries = table.Columns
        .Select(c => c.Kind switch { ColumnKind.CustomerRef => customers, ColumnKind.ProductRef => products, _ => null })
        .ToArray();

    public long DuplicatesInBatch { get; private set; }

    public bool DeduplicatedInBatch => _deduplicator is { InTimeOrder: true };

    public void Encode(StagingChunk chunk)
    {
        for (var c = 0; c < _dictionaries.Length; c++)
        {
            var dictionary = _dictionaries[c];
            if (dictionary is null) continue;
            var keys = chunk.Numbers[c];
            var missing = chunk.Missing[c];
            for (var r = 0; r < chunk.Count; r++)
                if (!missing[r]) keys[r] = dictionary.GetOrAdd(chunk.Id(c, r), _scratch);
        }
        if (_deduplicator is null) return;
        var kept = 0;
        for (var r = 0; r < chunk.Count; r++)
        {
            if (!_deduplicator.IsFirst(chunk, r))
            {
                DuplicatesInBatch++;
                continue;
            }
            if (kept != r) chunk.MoveRow(r, kept);
            kept++;
        }
        chunk.Count = kept;
    }
}
