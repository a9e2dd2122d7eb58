using System.Collections.Concurrent;
using DuckDB.NET.Data;
using ShopLens.Core.Model;

namespace ShopLens.Core.Import.Staging;

/// <summary>
/// Appends chunks to a staging table on its own thread, so parsing (the caller's thread) and the store's
/// appender run on both cores. Chunks are recycled through a small pool.
/// </summary>
sealed class ChunkWriter : IDisposable
{
    const int MaxChunks = 6;
    readonly BlockingCollection<StagingChunk> _queue = new(boundedCapacity: MaxChunks - 2);
    readonly ConcurrentQueue<StagingChunk> _free = new();
    int _allocated;
    readonly CanonicalTable _table;
    readonly Thread _thread;
    readonly NativeChunkAppender _appender;
    // A preset that fills several tables runs one writer per table on the same connection, which DuckDB does not
    // allow to be used from two threads at once: the writers take turns on it.
    readonly DuckDBConnection _connection;
    Exception? _failure;

    public ChunkWriter(DuckDBConnection connection, string stagingTable, CanonicalTable table)
    {
        _table = table;
        _connection = connection;
        _appender = new NativeChunkAppender(connection, stagingTable, table);
        _thread = new Thread(Run) { IsBackground = true, Name = $"stage {table.Name}" };
        _thread.Start();
    }

    /// <summary>A free chunk: a recycled one, or a new one while fewer than the queue can hold exist.</summary>
    public StagingChunk Rent()
    {
        if (_free.TryDequeue(out var c)) return c;
        if (_allocated < MaxChunks)
        {
            _allocated++;
            return new StagingChunk(_table);
        }
        var wait = new SpinWait();
        while (!_free.TryDequeue(out c))
        {
            if (_failure is not null) throw new ImportException($"staging {_table.Name} failed: {_failure.Message}", _failure);
            wait.SpinOnce();
        }
        return c;
    }

    public void Write(StagingChunk chunk)
    {
        if (_failure is not null) throw new ImportException($"staging {_table.Name} failed: {_failure.Message}", _failure);
        _queue.Add(chunk);
    }

    /// <summary>Waits until every written chunk is in the staging table.</summary>
    public void Complete()
    {
        _queue.CompleteAdding();
        _thread.Join();
        lock (_connection) _appender.Close();
        if (_failure is not null) throw new ImportException($"staging {_table.Name} failed: {_failure.Message}", _failure);
    }

    void Run()
    {
        try
        {
            foreach (var chunk in _queue.GetConsumingEnumerable())
            {
                Append(chunk);
                chunk.Count = 0;
                _free.Enqueue(chunk);
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

    void Append(StagingChunk chunk)
    {
        lock (_connection) _appender.Append(chunk);
    }

    public void Dispose()
    {
        if (!_queue.IsAddingCompleted)
        {
            _queue.CompleteAdding();
            _thread.Join();
        }
        _appender.Dispose();
        _queue.Dispose();
    }
}
