namespace ShopLens.Learning.Text;

/// <summary>
/// Merges ranked terms into a few themes. Character n-grams of one phrase (物流, 流很, 很快 of 物流很快) and words
/// of one complaint turn up in the same texts, so a term joins the first theme whose leading term it contains or is
/// contained in, or whose texts it mostly shares (overlap |A ∩ B| / min(|A|, |B|) at least <see cref="Overlap"/>);
/// otherwise it starts a theme of its own, while there are fewer than the most asked for.
/// </summary>
public static class TermThemes
{
    public const double Overlap = 0.6;

    public const int MaxThemes = 8;

    /// <param name="ranked">terms, strongest first</param>
    /// <param name="textsOf">each term's texts, as ascending indices</param>
    /// <param name="maxThemes">terms that fit no theme once there are this many are left out</param>
    public static IReadOnlyList<TermTheme> Merge(IEnumerable<string> ranked, Func<string, IReadOnlyList<int>> textsOf, int maxThemes = MaxThemes)
    {
        ArgumentNullException.ThrowIfNull(ranked);
        ArgumentNullException.ThrowIfNull(textsOf);
        var themes = new List<(List<string> Terms, IReadOnlyList<int> HeadTexts, SortedSet<int> Texts)>();
        foreach (var term in ranked)
        {
            var texts = textsOf(term);
            if (texts.Count == 0) continue;
            var home = themes.FindIndex(t => Related(t.Terms[0], term) || Shared(t.HeadTexts, texts) >= Overlap);
            if (home >= 0)
            {
                themes[home].Terms.Add(term);
                themes[home].Texts.UnionWith(texts);
            }
            else if (themes.Count < maxThemes) themes.Add(([term], texts, [.. texts]));
        }
        return [.. themes.Select(t => new TermTheme(t.Terms, [.. t.Texts]))];
    }

    static bool Related(string head, string term) =>
        head.Length > 1 && term.Length > 1 && (head.Contains(term, StringComparison.Ordinal) || term.Contains(head, StringComparison.Ordinal));

    /// <summary>|A ∩ B| / min(|A|, |B|) of two ascending lists.</summary>
    static double Shared(IReadOnlyList<int> a, IReadOnlyList<int> b)
    {
        int i = 0, j = 0, both = 0;
        while (i < a.Count && j < b.Count)
        {
            if (a[i] == b[j]) { both++; i++; j++; }
            else if (a[i] < b[j]) i++;
            else j++;
        }
        return (double)both / Math.Min(a.Count, b.Count);
    }
}
