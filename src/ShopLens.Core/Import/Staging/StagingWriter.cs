using System.Collections.Concurrent;
using DuckDB.NET.Data;
using ShopLens.Core.Model;

namespace ShopLens.Core.Import.Staging;

/// <summary>
/// The second core of an import: one thread that takes full chunks of every table in the order the parser
/// produced them, encodes their ids (<see cref="ChunkEncoder"/>) and appends them to their staging tables.
/// One thread keeps DuckDB's connection single-threaded and the dictionary keys in the same order on every run.
/// </summary>
sealed class StagingWriter : IDisposable
{
    const int ChunksPerTable = 6;
    readonly BlockingCollection<(int Table, StagingChunk Chunk)> _queue;
    readonly ConcurrentQueue<StagingChunk>[] _free;
    readonly int[] _allocated;
    readonly CanonicalTable[] _tables;
    readonly NativeChunkAppender[] _appenders;
    readonly Thread _thread;
    readonly DuckDBConnection _connection;
    readonly DirectAppend? _direct;
    Exception? _failure;

    public StagingWriter(DuckDBConnection connection, IReadOnlyList<CanonicalTable> tables, IReadOnlyList<ChunkEncoder> encoders, DirectAppend? direct = null)
    {
        _connection = connection;
        _direct = direct;
        _tables = [.. tables];
        Encoders = [.. encoders];
        _queue = new(boundedCapacity: (ChunksPerTable - 2) * _tables.Length);
        _free = _tables.Select(_ => new ConcurrentQueue<StagingChunk>()).ToArray();
        _allocated = new int[_tables.Length];
        _appenders = _tables.Select(t => new NativeChunkAppender(connection, TableMerger.StagingName(t), t)).ToArray();
        _thread = new Thread(Run) { IsBackground = true, Name = "shoplens staging" };
        _thread.Start();
    }

    public IReadOnlyList<ChunkEncoder> Encoders { get; }

    /// <summary>True when the first table's rows went straight into the store's table (see <see cref="DirectAppend"/>).</summary>
    public bool WentDirect { get; private set; }

    bool _decided;

    /// <summary>A free chunk for a table: a recycled one, or a new one while the table has fewer than its share.</summary>
    public StagingChunk Rent(int table)
    {
        if (_free[table].TryDequeue(out var c)) return c;
        if (_allocated[table] < ChunksPerTable)
        {
            _allocated[table]++;
            return new StagingChunk(_tables[table]);
        }
        var wait = new SpinWait();
        while (!_free[table].TryDequeue(out c))
        {
            ThrowIfFailed();
            wait.SpinOnce();
        }
        return c;
    }

    public void Write(int table, StagingChunk chunk)
    {
        ThrowIfFailed();
        _queue.Add((table, chunk));
    }

    /// <summary>Waits until every written chunk is in its staging table.</summary>
    public void Complete()
    {
        _queue.CompleteAdding();
        _thread.Join();
        ThrowIfFailed();
        foreach (var a in _appenders) a.Close();
    }

    // New data (the usual import) skips the staging copy: its first rows are later than anything stored.
    void Decide(StagingChunk chunk)
    {
        _decided = true;
        if (_direct is null || chunk.Count == 0) return;
        var ts = chunk.Numbers[_direct.TimestampColumn];
        var first = long.MaxValue;
        for (var r = 0; r < chunk.Count; r++) first = Math.Min(first, ts[r]);
        if (_direct.StoredMaxMicros is { } max && first < max) return;
        _appenders[0].Dispose();
        _appenders[0] = new NativeChunkAppender(_connection, _tables[0].Name, _tables[0], _direct.BatchId);
        WentDirect = true;
    }

    void ThrowIfFailed()
    {
        if (_failure is not null) throw new ImportException($"staging failed: {_failure.Message}", _failure);
    }

    void Run()
    {
        try
        {
            foreach (var (table, chunk) in _queue.GetConsumingEnumerable())
            {
                Encoders[table].Encode(chunk);
                if (table == 0 && !_decided) Decide(chunk);
                _appenders[table].Append(chunk);
                chunk.Reset();
                _free[table].Enqueue(chunk);
            }
        }
#pragma warning disable CA1031 // the failure is rethrown on the caller's thread
        catch (Exception e)
#pragma warning restore CA1031
        {
            _failure = e;
            foreach (var _ in _queue.GetConsumingEnumerable()) { }
        }
    }

    public void Dispose()
    {
        if (!_queue.IsAddingCompleted)
        {
            _queue.CompleteAdding();
            _thread.Join();
        }
        foreach (var a in _appenders) a.Dispose();
        _queue.Dispose();
    }
}
