using System.Text;
using ShopLens.Learning.Evaluation;

namespace ShopLens.Learning.Text;

/// <summary>
/// A two-class text classifier — sentiment of reviews, say: TF-IDF of hashed terms (<see cref="TfIdf"/> over
/// <see cref="TextTerms"/>), optionally scaled by naive Bayes log-count ratios (NB-SVM), into logistic regression
/// (<see cref="SparseLogisticRegression"/>). It gives probabilities and, for any text, the terms that moved it.
/// </summary>
public sealed class TextClassifier
{
    const string Magic = "SLTEXT01";
    const int Version = 1;

    readonly TfIdf _vectorizer;
    readonly float[]? _ratios;
    readonly SparseLogisticRegression _model;

    TextClassifier(TfIdf vectorizer, float[]? ratios, SparseLogisticRegression model, double c, IReadOnlyDictionary<double, double> validation)
    {
        (_vectorizer, _ratios, _model, C, ValidationAccuracy) = (vectorizer, ratios, model, c, validation);
    }

    /// <summary>The inverse regularisation strength used.</summary>
    public double C { get; }

    public bool NaiveBayes => _ratios is not null;

    /// <summary>When C was chosen: each candidate's accuracy on the held-out fifth; otherwise empty.</summary>
    public IReadOnlyDictionary<double, double> ValidationAccuracy { get; }

    /// <summary>Hashed columns that carry a weight.</summary>
    public int WeightedColumns
    {
        get
        {
            var count = 0;
            foreach (var w in _model.Weights) if (w != 0) count++;
            return count;
        }
    }

    /// <exception cref="LearnerInputException">texts and labels of different lengths, or one class only</exception>
    public static TextClassifier Fit(IReadOnlyList<string> texts, bool[] labels, TextClassifierOptions? options = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(labels);
        options ??= new TextClassifierOptions();
        if (texts.Count != labels.Length) throw new LearnerInputException($"{texts.Count} texts for {labels.Length} labels");
        if (labels.All(l => l) || !labels.Any(l => l)) throw new LearnerInputException("a text classifier needs texts of both classes");
        var validation = new SortedDictionary<double, double>();
        var terms = new TextTerms { MaxCharLength = options.MaxCharLength };
        // Each text is read once, for the search and the final fit alike.
        var counts = TfIdf.CountAll(texts, terms, options.Bits);
        var c = options.C ?? Choose(counts, labels, terms, options, validation, ct);
        var (vectorizer, rows) = TfIdf.FitCounted(counts, terms, options.Bits);
        var ratios = options.NaiveBayes ? LogCountRatios(rows, labels) : null;
        var model = SparseLogisticRegression.Fit(Scaled(rows, ratios), labels, c, options.Tolerance, seed: options.Seed, ct: ct);
        return new TextClassifier(vectorizer, ratios, model, c, validation);
    }

    /// <summary>
    /// Fits each candidate C on four fifths (stratified, seeded) and keeps the most accurate on the rest; the smaller C of
    /// equals. The candidates share one vectorising of the four fifths and are fitted side by side, each on its own core,
    /// to ten times the final fit's tolerance: ranking C by held-out accuracy needs no more (on the T6 corpora the choice
    /// and every accuracy came out the same), and the largest C's fit is the search's long pole.
    /// </summary>
    static double Choose(List<(int Column, int Count)>[] counts, bool[] labels, TextTerms terms, TextClassifierOptions options,
        SortedDictionary<double, double> validation, CancellationToken ct)
    {
        if (options.CandidateC.Count == 0) throw new ArgumentException("no candidate C to choose from");
        var held = StratifiedHoldOut.Draw(labels, 0.2, options.Seed);
        var trainRows = Enumerable.Range(0, labels.Length).Where(i => !held[i]).ToArray();
        var heldRows = Enumerable.Range(0, labels.Length).Where(i => held[i]).ToArray();
        // Too few texts to hold any out of a class: take the first candidate.
        if (heldRows.Length == 0 || trainRows.Select(i => labels[i]).Distinct().Count() < 2) return options.CandidateC[0];
        var trainLabels = trainRows.Select(i => labels[i]).ToArray();
        var (vectorizer, trainX) = TfIdf.FitCounted([.. trainRows.Select(i => counts[i])], terms, options.Bits);
        var ratios = options.NaiveBayes ? LogCountRatios(trainX, trainLabels) : null;
        (trainX, var heldX) = (Scaled(trainX, ratios), Scaled(vectorizer.Rows([.. heldRows.Select(i => counts[i])]), ratios));
        var candidates = options.CandidateC.Distinct().Order().ToArray();
        var accuracy = new double[candidates.Length];
        Parallel.For(0, candidates.Length, new ParallelOptions { CancellationToken = ct }, k =>
        {
            var model = SparseLogisticRegression.Fit(trainX, trainLabels, candidates[k], options.Tolerance * 10, seed: options.Seed, ct: ct);
            var p = model.Probabilities(heldX);
            accuracy[k] = Enumerable.Range(0, heldRows.Length).Average(j => p[j] >= 0.5 == labels[heldRows[j]] ? 1.0 : 0.0);
        });
        for (var k = 0; k < candidates.Length; k++) validation[candidates[k]] = accuracy[k];
        var best = accuracy.Max();
        return candidates[Array.IndexOf(accuracy, best)];
    }

    /// <summary>
    /// Wang &amp; Manning's r = ln((p / ‖p‖₁) / (q / ‖q‖₁)), p = 1 + the number of positive texts with the term, q the same
    /// over negative texts; columns no text has get 0.
    /// </summary>
    static float[] LogCountRatios(SparseRows rows, bool[] labels)
    {
        var positive = new double[rows.Width];
        var negative = new double[rows.Width];
        var seen = new bool[rows.Width];
        for (var r = 0; r < rows.Rows; r++)
            foreach (var column in rows.ColumnsOf(r))
            {
                (labels[r] ? positive : negative)[column]++;
                seen[column] = true;
            }
        var columns = seen.Count(s => s);
        var positiveTotal = positive.Sum() + columns;
        var negativeTotal = negative.Sum() + columns;
        var ratios = new float[rows.Width];
        for (var j = 0; j < rows.Width; j++)
            if (seen[j]) ratios[j] = (float)Math.Log((positive[j] + 1) / positiveTotal / ((negative[j] + 1) / negativeTotal));
        return ratios;
    }

    static SparseRows Scaled(SparseRows rows, float[]? ratios)
    {
        if (ratios is null) return rows;
        var values = rows.Values.ToArray();
        for (var k = 0; k < values.Length; k++) values[k] *= ratios[rows.Columns[k]];
        return new SparseRows(rows.Width, rows.Start, rows.Columns, values);
    }

    /// <summary>P(positive) of each text.</summary>
    public double[] Probabilities(IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return _model.Probabilities(Scaled(_vectorizer.Transform(texts), _ratios));
    }

    /// <summary>
    /// The terms of <paramref name="text"/> that moved its log-odds most, strongest first (at most <paramref name="top"/>);
    /// terms that share a hashed column share its contribution.
    /// </summary>
    public IReadOnlyList<TermContribution> Explain(string text, int top = 5)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegative(top);
        var row = Scaled(_vectorizer.Transform([text]), _ratios);
        var byColumn = new Dictionary<int, double>();
        var (cols, vals) = (row.Columns, row.Values);
        for (var k = 0; k < cols.Length; k++) byColumn[cols[k]] = vals[k] * _model.Weights[cols[k]];
        var mask = (1 << _vectorizer.Bits) - 1;
        var terms = _vectorizer.Terms.Of(TextNormalizer.Normalize(text)).Distinct(StringComparer.Ordinal)
            .GroupBy(t => (int)(FeatureHash.Fnv1a(t) & (uint)mask));
        return [.. terms.Where(g => byColumn.ContainsKey(g.Key))
            .SelectMany(g => g.Select(t => new TermContribution(t, byColumn[g.Key] / g.Count())))
            .Where(t => t.LogOdds != 0)
            .OrderByDescending(t => Math.Abs(t.LogOdds)).ThenBy(t => t.Term, StringComparer.Ordinal)
            .Take(top)];
    }

    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        w.Write(Encoding.ASCII.GetBytes(Magic));
        w.Write(Version);
        w.Write(_vectorizer.Bits);
        w.Write(_vectorizer.Terms.MaxCharLength);
        w.Write(C);
        w.Write(_model.Bias);
        w.Write(NaiveBayes);
        var kept = Enumerable.Range(0, _vectorizer.Width).Where(j => _vectorizer.Idf(j) != 0).ToArray();
        w.Write(kept.Length);
        foreach (var j in kept)
        {
            w.Write(j);
            w.Write(_vectorizer.Idf(j));
            w.Write(_model.Weights[j]);
            if (_ratios is not null) w.Write(_ratios[j]);
        }
    }

    /// <exception cref="InvalidDataException">not a saved text classifier, a newer format, or a file cut short</exception>
    public static TextClassifier Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var r = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        try
        {
            if (Encoding.ASCII.GetString(r.ReadBytes(Magic.Length)) != Magic) throw new InvalidDataException("not a ShopLens text classifier");
            var version = r.ReadInt32();
            if (version != Version) throw new InvalidDataException($"text classifier format {version} is not one this ShopLens reads ({Version})");
            var bits = r.ReadInt32();
            var maxChar = r.ReadInt32();
            if (bits is < 1 or > 30 || maxChar < 1) throw new InvalidDataException("a damaged text classifier (bad settings)");
            var c = r.ReadDouble();
            var bias = r.ReadDouble();
            var naiveBayes = r.ReadBoolean();
            var count = r.ReadInt32();
            var width = 1 << bits;
            if (count < 0 || count > width) throw new InvalidDataException("a damaged text classifier (bad column count)");
            var idf = new float[width];
            var weights = new float[width];
            var ratios = naiveBayes ? new float[width] : null;
            for (var k = 0; k < count; k++)
            {
                var j = r.ReadInt32();
                if ((uint)j >= width) throw new InvalidDataException("a damaged text classifier (column out of range)");
                idf[j] = r.ReadSingle();
                weights[j] = r.ReadSingle();
                if (ratios is not null) ratios[j] = r.ReadSingle();
            }
            var vectorizer = TfIdf.Of(new TextTerms { MaxCharLength = maxChar }, bits, idf);
            return new TextClassifier(vectorizer, ratios, SparseLogisticRegression.Of(weights, bias), c, new SortedDictionary<double, double>());
        }
        catch (EndOfStreamException)
        {
            throw new InvalidDataException("a text classifier file cut short");
        }
    }
}
