using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using DuckDB.NET.Data;
using ShopLens.Core.Import;
using ShopLens.Core.Import.Presets;
using ShopLens.Core.Import.Reading;
using ShopLens.Core.Import.Staging;
using ShopLens.Core.Model;

namespace ShopLens.Core.Store;

/// <summary>
/// Imports files into the DuckDB store: records are read and checked on this thread, staged through the appender
/// on another, then merged with de-duplication in SQL. Each batch of rows is one transaction.
/// </summary>
sealed class DuckDbImporter(ShopStore store)
{
    readonly DuckDBConnection _db = store.Connection;

    public ImportReport Import(ImportRequest request, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        if (request.Files.Count == 0) throw new ImportException("no files to import");
        if (request.BatchRows < 1) throw new ArgumentException("BatchRows must be at least 1", nameof(request));
        var stamp = DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture);
        var reports = new List<FileImportReport>();
        foreach (var file in request.Files)
            reports.Add(ImportFile(file, request, stamp, progress, ct));
        return new ImportReport(reports);
    }

    FileImportReport ImportFile(SourceFile file, ImportRequest request, string stamp, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        var preset = PresetCatalog.Create(request.Preset, request.Table, request.Map);
        using var reader = Open(preset, file);
        preset.Bind(file, reader.Header);
        using var rejects = new RejectLog(store.SideDirectory, file.Name, stamp);
        var source = new BatchSource(file.Name, Path.GetFullPath(file.Path), $"{file.ResolvedFormat}/{preset.Name}",
            Path.Combine(store.SideDirectory, $"{stamp}-{file.Name}.outliers.csv"));
        return ImportRecords(reader, preset, source, rejects, request.BatchRows, request.Cleaning, progress, ct) with
        {
            File = file.Path,
            Format = file.ResolvedFormat,
        };
    }

    /// <summary>Where records come from: a name for messages, the source and format recorded with each batch, and where flagged outliers go.</summary>
    internal sealed record BatchSource(string Name, string Location, string Format, string OutliersPath);

    /// <summary>The id of the last batch this importer committed.</summary>
    internal int LastBatchId { get; private set; }

    /// <summary>Imports every record of <paramref name="reader"/> (already bound to <paramref name="preset"/>) in batches of <paramref name="batchRows"/>; <paramref name="rejects"/> is this import's own log.</summary>
    internal FileImportReport ImportRecords(RecordReader reader, ImportPreset preset, BatchSource source, RejectLog rejects, int batchRows,
        CleaningOptions cleaning, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var tables = preset.Tables.Select(CanonicalSchema.Of).ToArray();
        var primary = tables[0];
        var rows = new RowSet();
        long read = 0, duplicates = 0, batches = 0;
        var stageSeconds = 0.0;
        var filled = new Dictionary<string, long>();
        var outliers = new List<OutlierReport>();
        string? outliersFile = null;
        var expectFields = reader is DelimitedRecordReader && reader.Header.Count > 0 ? reader.Header.Count : -1;
        var more = true;
        while (more)
        {
            ct.ThrowIfCancellationRequested();
            var batchId = NextBatchId();
            var firstLine = -1L;
            var lastLine = -1L;
            var batchRead = 0L;
            var batchStart = clock.Elapsed.TotalSeconds;
            var batchRejectedBefore = rejects.Count;
            using var tx = _db.BeginTransaction();
            try
            {
                foreach (var t in tables) TableMerger.Execute(_db, TableMerger.CreateStaging(t));
                var drop = cleaning.Missing.Where(kv => kv.Value == MissingValuePolicy.Drop).Select(kv => kv.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
                using var writer = new StagingWriter(_db, tables, tables.Select(t => new ChunkEncoder(t, store.Customers, store.Products)).ToArray(),
                    DirectEvents(primary, batchId, cleaning));
                var stagers = tables.Select((t, i) => new TableStager(t, writer, i, drop)).ToArray();
                {
                    while (batchRead < batchRows && (more = Next(reader, source.Name)))
                    {
                        batchRead++;
                        if (firstLine < 0) firstLine = reader.Line;
                        lastLine = reader.Line;
                        if (!TryStage(reader, preset, rows, tables, stagers, expectFields, out var rejection))
                            rejects.Add(reader.Line, rejection, reader.RawText());
                        if ((batchRead & 0xFFFF) == 0)
                        {
                            ct.ThrowIfCancellationRequested();
                            progress?.Report(new(source.Name, read + batchRead, reader.Position, reader.Length));
                        }
                    }
                    foreach (var s in stagers) s.Complete();
                    writer.Complete();
                    stageSeconds += clock.Elapsed.TotalSeconds - batchStart;
                }
                read += batchRead;
                if (batchRead == 0)
                {
                    tx.Rollback();
                    break;
                }
                InsertNewIds();
                var staged = stagers.Select(s => s.Staged).ToArray();
                Clean(tables[0], cleaning, filled);
                var firstNewCustomer = store.Customers.CommittedCount;
                var firstNewProduct = store.Products.CommittedCount;
                if (cleaning.Outliers != OutlierRule.None)
                {
                    var found = OutlierFlags.Find(_db, primary, cleaning.Outliers);
                    if (found.Count > 0)
                    {
                        outliersFile ??= source.OutliersPath;
                        OutlierFlags.Write(_db, primary, found, source.Name, outliersFile, batches);
                        outliers.AddRange(found);
                    }
                }
                long batchDuplicates = 0;
                if (writer.WentDirect)
                    batchDuplicates = TableMerger.RemoveRepeats(_db, batchId, staged[0], stagers[0].DeduplicatedInBatch) + stagers[0].DuplicatesInBatch;
                for (var t = tables.Length - 1; t >= (writer.WentDirect ? 1 : 0); t--)
                {
                    var d = TableMerger.Merge(_db, tables[t], batchId, staged[t], firstNewCustomer, firstNewProduct, stagers[t].DeduplicatedInBatch);
                    if (t == 0) batchDuplicates = d + stagers[0].DuplicatesInBatch;
                }
                rejects.Flush();
                var batchRejected = rejects.Count - batchRejectedBefore;
                RecordBatch(batchId, source, primary, firstLine, lastLine, batchRead, batchRead - batchRejected - batchDuplicates, batchRejected, batchDuplicates, rejects);
                tx.Commit();
                LastBatchId = batchId;
                store.Customers.MarkCommitted();
                store.Products.MarkCommitted();
                duplicates += batchDuplicates;
                batches++;
                progress?.Report(new(source.Name, read, reader.Position, reader.Length));
            }
            catch
            {
                tx.Rollback();
                store.Customers.RollBack();
                store.Products.RollBack();
                throw;
            }
        }
        return new FileImportReport
        {
            File = source.Location,
            Format = source.Format,
            Preset = preset.Name,
            Tables = tables.Select(t => t.Name).ToArray(),
            Read = read,
            Rejected = rejects.Count,
            Duplicates = duplicates,
            Accepted = read - rejects.Count - duplicates,
            ByReason = new SortedDictionary<string, long>(rejects.ByReason, StringComparer.Ordinal),
            RejectsFile = rejects.FilePath,
            IgnoredColumns = (preset as CanonicalPreset)?.IgnoredColumns ?? [],
            Filled = filled,
            Outliers = Combine(outliers),
            OutliersFile = outliersFile,
            Batches = (int)batches,
            ElapsedSeconds = clock.Elapsed.TotalSeconds,
            StageSeconds = stageSeconds,
        };
    }

    static RecordReader Open(ImportPreset preset, SourceFile file)
    {
        try
        {
            return preset.Open(file);
        }
        catch (Exception e) when (e is InvalidDataException or IOException and not FileNotFoundException)
        {
            throw new ImportException($"{file.Name}: cannot be read ({e.Message})", e);
        }
    }

    static bool Next(RecordReader reader, string sourceName)
    {
        try
        {
            return reader.Read();
        }
        catch (InvalidDataException e)
        {
            throw new ImportException($"{sourceName}: cannot be read after line {reader.Line} ({e.Message})", e);
        }
        catch (IOException e)
        {
            throw new ImportException($"{sourceName}: cannot be read after line {reader.Line} ({e.Message})", e);
        }
    }

    static bool TryStage(RecordReader reader, ImportPreset preset, RowSet rows, CanonicalTable[] tables, TableStager[] stagers, int expectFields, out Rejection rejection)
    {
        if (reader.Error is not null)
        {
            rejection = new("unreadable", null, reader.Error);
            return false;
        }
        if (expectFields > 0 && reader.FieldCount != expectFields)
        {
            rejection = new("field_count", null, $"expected {expectFields} fields, found {reader.FieldCount}");
            return false;
        }
        rows.Clear();
        if (!preset.Map(reader, rows, out rejection)) return false;
        for (var t = 0; t < tables.Length; t++)
            if (rows[tables[t].Table].HasValues && !stagers[t].TryParse(rows[tables[t].Table], out rejection))
                return false;
        if (!rows[tables[0].Table].HasValues)
        {
            rejection = new("empty", null, "the record has no values");
            return false;
        }
        for (var t = 0; t < tables.Length; t++)
            if (rows[tables[t].Table].HasValues) stagers[t].Commit(reader.Line);
        return true;
    }

    // Events may skip the staging table (see DirectAppend), unless cleaning has to work on the staged rows first.
    DirectAppend? DirectEvents(CanonicalTable primary, int batchId, CleaningOptions cleaning)
    {
        if (primary.Table != Table.Events || cleaning.Outliers != OutlierRule.None
            || cleaning.Missing.Values.Any(p => p is not (MissingValuePolicy.Keep or MissingValuePolicy.Drop)))
            return null;
        using var r = store.Query("SELECT max(ts) FROM events");
        r.Read();
        long? max = r.IsDBNull(0) ? null : Core.Import.Parsing.TimestampParser.ToMicros(DateTime.SpecifyKind(r.GetDateTime(0), DateTimeKind.Utc));
        return new DirectAppend(batchId, primary.Require("timestamp"), max);
    }

    void InsertNewIds()
    {
        AppendIds("customers", store.Customers, 6);
        AppendIds("products", store.Products, 6);
    }

    void AppendIds(string table, IdDictionary dictionary, int columns)
    {
        using var appender = _db.CreateAppender(table);
        foreach (var (key, id) in dictionary.Uncommitted())
        {
            var row = appender.CreateRow().AppendValue(key).AppendValue(id);
            for (var c = 2; c < columns; c++) row = row.AppendNullValue();
            row.EndRow();
        }
    }

    void Clean(CanonicalTable table, CleaningOptions cleaning, Dictionary<string, long> filled)
    {
        foreach (var (column, policy) in cleaning.Missing)
        {
            if (policy is MissingValuePolicy.Keep or MissingValuePolicy.Drop) continue;
            var c = table.IndexOf(column);
            if (c < 0) throw new ImportException($"--missing names {column}, which table {table.Name} does not have");
            var kind = table.Columns[c].Kind;
            if (kind is not (ColumnKind.Amount or ColumnKind.Count or ColumnKind.Fraction or ColumnKind.Rating) && policy != MissingValuePolicy.Mode)
                throw new ImportException($"--missing {column}={policy.ToString().ToLowerInvariant()}: {column} is not numeric (only mode or drop fit it)");
            var name = StoreColumns.NameOf(table.Columns[c]);
            var stage = TableMerger.StagingName(table);
            var statistic = policy switch
            {
                MissingValuePolicy.Mean => $"avg({name})",
                MissingValuePolicy.Median => $"median({name})",
                _ => $"mode({name})",
            };
            var cast = kind is ColumnKind.Count or ColumnKind.Rating ? $"CAST(round({statistic}) AS {StoreColumns.SqlTypeOf(kind)})" : statistic;
            var n = TableMerger.Execute(_db, $"UPDATE {stage} SET {name} = (SELECT {cast} FROM {stage}) WHERE {name} IS NULL");
            filled[column] = filled.GetValueOrDefault(column) + n;
        }
    }

    int NextBatchId() => (int)TableMerger.Count(_db, "SELECT coalesce(max(batch_id), 0) + 1 FROM import_batches");

    void RecordBatch(int batchId, BatchSource source, CanonicalTable primary, long firstLine, long lastLine,
        long read, long accepted, long rejected, long duplicates, RejectLog rejects)
    {
        using var cmd = _db.CreateCommand();
        cmd.CommandText = "INSERT INTO import_batches VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, now())";
        object?[] values =
        [
            batchId, source.Location, source.Format, primary.Name, firstLine, lastLine,
            read, accepted, rejected, duplicates, JsonSerializer.Serialize(rejects.ByReason), rejects.FilePath,
        ];
        foreach (var v in values) cmd.Parameters.Add(new DuckDBParameter(v ?? DBNull.Value));
        cmd.ExecuteNonQuery();
    }

    static IReadOnlyList<OutlierReport> Combine(List<OutlierReport> perBatch) =>
        perBatch.GroupBy(o => (o.Table, o.Column, o.Rule))
            .Select(g => new OutlierReport(g.Key.Table, g.Key.Column, g.Key.Rule, g.Min(o => o.Low), g.Max(o => o.High), g.Sum(o => o.Count)))
            .ToArray();
}
