using System.Globalization;

namespace ShopLens.Learning.Text;

/// <summary>
/// The terms of a normalised text (<see cref="TextNormalizer"/>): every run of Han characters as its character
/// n-grams up to <see cref="MaxCharLength"/> (Chinese has no spaces between words, and character pairs and triples
/// catch most words and phrases such as 不好吃), and every run of letters and digits as a word. An English word after a
/// negation (not, no, never, a word ending in n't …) up to the next punctuation mark is marked as negated, "not_good"
/// (Das &amp; Chen 2001, as Pang, Lee &amp; Vaithyanathan 2002 use it), so "not good" does not count as "good".
/// </summary>
public sealed record TextTerms
{
    static readonly HashSet<string> Negations = ["not", "no", "never", "nothing", "nobody", "none", "nor", "neither", "cannot", "without", "hardly"];

    public const string NegatedPrefix = "not_";

    /// <summary>Longest character n-gram of a Han run (1 to this).</summary>
    public int MaxCharLength { get; init; } = 3;

    /// <summary>The terms of <paramref name="normalized"/> in order, repeats included.</summary>
    public List<string> Of(string normalized)
    {
        ArgumentNullException.ThrowIfNull(normalized);
        if (MaxCharLength < 1) throw new ArgumentException($"character n-grams must be at least 1 long (got {MaxCharLength})");
        var terms = new List<string>();
        var negated = false;
        var i = 0;
        while (i < normalized.Length)
        {
            var c = normalized[i];
            if (IsHan(normalized, i))
            {
                var start = i;
                while (i < normalized.Length && IsHan(normalized, i)) i += char.IsSurrogatePair(normalized, i) ? 2 : 1;
                AddCharGrams(normalized[start..i], terms);
                continue;
            }
            if (IsWordChar(c))
            {
                var start = i;
                while (i < normalized.Length && (IsWordChar(normalized[i]) || normalized[i] == '\'' && i + 1 < normalized.Length && char.IsLetter(normalized[i + 1]))) i++;
                var word = normalized[start..i];
                terms.Add(negated ? NegatedPrefix + word : word);
                if (Negations.Contains(word) || word.EndsWith("n't", StringComparison.Ordinal)) negated = true;
                continue;
            }
            // Punctuation ends a negation's scope; spaces and symbols do not.
            if (char.IsPunctuation(c) && c is not ('\'' or '-')) negated = false;
            i++;
        }
        return terms;
    }

    void AddCharGrams(string run, List<string> terms)
    {
        // By text elements, so a character outside the Basic Multilingual Plane stays whole.
        var chars = new List<string>();
        var e = StringInfo.GetTextElementEnumerator(run);
        while (e.MoveNext()) chars.Add(e.GetTextElement());
        for (var n = 1; n <= MaxCharLength; n++)
            for (var s = 0; s + n <= chars.Count; s++)
                terms.Add(n == 1 ? chars[s] : string.Concat(chars.GetRange(s, n)));
    }

    static bool IsWordChar(char c) => char.IsLetterOrDigit(c) && !IsHanChar(c);

    static bool IsHan(string s, int i) => char.IsSurrogatePair(s, i)
        ? char.ConvertToUtf32(s, i) is >= 0x20000 and <= 0x3FFFF
        : IsHanChar(s[i]);

    /// <summary>CJK unified ideographs, extension A and the compatibility block.</summary>
    static bool IsHanChar(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\uF900' and <= '\uFAFF';
}
