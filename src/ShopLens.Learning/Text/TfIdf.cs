namespace ShopLens.Learning.Text;

/// <summary>
/// TF-IDF over hashed terms, as scikit-learn's TfidfVectorizer(sublinear_tf=True) weighs them: a term counted c times
/// in a document weighs (1 + ln c) · idf, idf = ln((1 + n) / (1 + df)) + 1 over the n training documents, df of them
/// with the term; each document's vector then has length 1. Columns no training document has weigh 0.
/// </summary>
public sealed class TfIdf
{
    readonly float[] _idf;

    TfIdf(TextTerms terms, int bits, float[] idf) => (Terms, Bits, _idf) = (terms, bits, idf);

    public TextTerms Terms { get; }

    public int Bits { get; }

    public int Width => _idf.Length;

    /// <summary>The weight of a term in column <paramref name="column"/> (0 for a column no training document had).</summary>
    public float Idf(int column) => _idf[column];

    /// <summary>A vectoriser of known weights (a saved one).</summary>
    internal static TfIdf Of(TextTerms terms, int bits, float[] idf) => new(terms, bits, idf);

    /// <summary>Counts in how many of <paramref name="documents"/> each hashed term occurs.</summary>
    public static TfIdf Fit(IReadOnlyList<string> documents, TextTerms terms, int bits = 20) => FitTransform(documents, terms, bits).Vectorizer;

    /// <summary>Fits on <paramref name="documents"/> and returns their rows too, reading each document once.</summary>
    public static (TfIdf Vectorizer, SparseRows Rows) FitTransform(IReadOnlyList<string> documents, TextTerms terms, int bits = 20)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(terms);
        if (bits is < 1 or > 30) throw new ArgumentOutOfRangeException(nameof(bits), bits, "between 1 and 30 bits");
        return FitCounted(CountAll(documents, terms, bits), terms, bits);
    }

    /// <summary>Fits on documents already counted (<see cref="CountAll"/>), so several fits over parts of them count once.</summary>
    internal static (TfIdf Vectorizer, SparseRows Rows) FitCounted(List<(int Column, int Count)>[] counts, TextTerms terms, int bits)
    {
        var df = new int[1 << bits];
        foreach (var document in counts)
            foreach (var (column, _) in document)
                df[column]++;
        var n = counts.Length;
        var idf = new float[df.Length];
        for (var j = 0; j < df.Length; j++) idf[j] = df[j] == 0 ? 0 : (float)(Math.Log((1.0 + n) / (1.0 + df[j])) + 1);
        var vectorizer = new TfIdf(terms, bits, idf);
        return (vectorizer, vectorizer.Rows(counts));
    }

    /// <summary>The weighted, unit-length rows of <paramref name="documents"/>.</summary>
    public SparseRows Transform(IReadOnlyList<string> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        return Rows(CountAll(documents, Terms, Bits));
    }

    /// <summary>The rows of documents already counted.</summary>
    internal SparseRows Rows(List<(int Column, int Count)>[] counts)
    {
        var start = new int[counts.Length + 1];
        List<int> columns = [];
        List<float> values = [];
        for (var d = 0; d < counts.Length; d++)
        {
            var row = counts[d].Where(p => _idf[p.Column] > 0)
                .Select(p => (p.Column, Weight: (1 + Math.Log(p.Count)) * _idf[p.Column])).ToArray();
            var norm = Math.Sqrt(row.Sum(p => p.Weight * p.Weight));
            foreach (var (column, weight) in row)
            {
                columns.Add(column);
                values.Add((float)(weight / norm));
            }
            start[d + 1] = columns.Count;
        }
        return new SparseRows(Width, start, [.. columns], [.. values]);
    }

    /// <summary>Every document's term counts; documents are independent, so they are read on all cores.</summary>
    internal static List<(int Column, int Count)>[] CountAll(IReadOnlyList<string> documents, TextTerms terms, int bits)
    {
        var counts = new List<(int, int)>[documents.Count];
        Parallel.For(0, documents.Count, d => counts[d] = Counts(documents[d], terms, bits));
        return counts;
    }

    /// <summary>Each hashed term of the normalised document with how many times it occurs, by ascending column.</summary>
    static List<(int Column, int Count)> Counts(string document, TextTerms terms, int bits)
    {
        var columns = new List<int>();
        terms.Columns(TextNormalizer.Normalize(document), bits, columns);
        columns.Sort();
        var counts = new List<(int, int)>();
        for (var k = 0; k < columns.Count;)
        {
            var end = k;
            while (end < columns.Count && columns[end] == columns[k]) end++;
            counts.Add((columns[k], end - k));
            k = end;
        }
        return counts;
    }
}
