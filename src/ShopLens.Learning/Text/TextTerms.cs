namespace ShopLens.Learning.Text;

/// <summary>
/// The terms of a normalised text (<see cref="TextNormalizer"/>): every run of Han characters as its character
/// n-grams up to <see cref="MaxCharLength"/> (Chinese has no spaces between words, and character pairs and triples
/// catch most words and phrases such as 不好吃), and every run of letters and digits as a word. An English word after a
/// negation (not, no, never, a word ending in n't …) up to the next punctuation mark is marked as negated, "not_good"
/// (Das &amp; Chen 2001, as Pang, Lee &amp; Vaithyanathan 2002 use it), so "not good" does not count as "good".
/// Every term is a piece of the text, perhaps after the negation prefix, so <see cref="Columns"/> hashes the pieces
/// where they lie, without making a string of each.
/// </summary>
public sealed record TextTerms
{
    static readonly HashSet<string> Negations = new(["not", "no", "never", "nothing", "nobody", "none", "nor", "neither", "cannot", "without", "hardly"], StringComparer.Ordinal);

    static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> NegationOf = Negations.GetAlternateLookup<ReadOnlySpan<char>>();

    public const string NegatedPrefix = "not_";

    /// <summary>Longest character n-gram of a Han run (1 to this).</summary>
    public int MaxCharLength { get; init; } = 3;

    /// <summary>The terms of <paramref name="normalized"/> in order, repeats included.</summary>
    public List<string> Of(string normalized)
    {
        var terms = new List<string>();
        Walk(normalized, (start, length, negated) => terms.Add(negated ? NegatedPrefix + normalized.Substring(start, length) : normalized.Substring(start, length)));
        return terms;
    }

    /// <summary>Appends the column (<see cref="FeatureHash.Column"/>) of each term of <paramref name="normalized"/> to <paramref name="columns"/>.</summary>
    public void Columns(string normalized, int bits, List<int> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (bits is < 1 or > 30) throw new ArgumentOutOfRangeException(nameof(bits), bits, "between 1 and 30 bits");
        var mask = (1u << bits) - 1;
        Walk(normalized, (start, length, negated) =>
            columns.Add((int)(FeatureHash.Fnv1a(negated ? NegatedPrefix : "", normalized.AsSpan(start, length)) & mask)));
    }

    /// <summary>Each term as (start, length, negated): a piece of the text, after <see cref="NegatedPrefix"/> when negated.</summary>
    void Walk(string normalized, Action<int, int, bool> term)
    {
        ArgumentNullException.ThrowIfNull(normalized);
        if (MaxCharLength < 1) throw new ArgumentException($"character n-grams must be at least 1 long (got {MaxCharLength})");
        var negated = false;
        var starts = new List<int>();
        var i = 0;
        while (i < normalized.Length)
        {
            var c = normalized[i];
            if (IsHan(normalized, i))
            {
                // Where each character starts, so one outside the Basic Multilingual Plane (two UTF-16 units) stays whole.
                starts.Clear();
                while (i < normalized.Length && IsHan(normalized, i))
                {
                    starts.Add(i);
                    i += char.IsSurrogatePair(normalized, i) ? 2 : 1;
                }
                starts.Add(i);
                for (var n = 1; n <= MaxCharLength; n++)
                    for (var s = 0; s + n < starts.Count; s++)
                        term(starts[s], starts[s + n] - starts[s], false);
                continue;
            }
            if (IsWordChar(c))
            {
                var start = i;
                while (i < normalized.Length && (IsWordChar(normalized[i]) || normalized[i] == '\'' && i + 1 < normalized.Length && char.IsLetter(normalized[i + 1]))) i++;
                term(start, i - start, negated);
                var word = normalized.AsSpan(start, i - start);
                if (NegationOf.Contains(word) || word.EndsWith("n't", StringComparison.Ordinal)) negated = true;
                continue;
            }
            // Punctuation ends a negation's scope; spaces and symbols do not.
            if (char.IsPunctuation(c) && c is not ('\'' or '-')) negated = false;
            i++;
        }
    }

    static bool IsWordChar(char c) => char.IsLetterOrDigit(c) && !IsHanChar(c);

    static bool IsHan(string s, int i) => char.IsSurrogatePair(s, i)
        ? char.ConvertToUtf32(s, i) is >= 0x20000 and <= 0x3FFFF
        : IsHanChar(s[i]);

    /// <summary>CJK unified ideographs, extension A and the compatibility block.</summary>
    static bool IsHanChar(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\uF900' and <= '\uFAFF';
}
