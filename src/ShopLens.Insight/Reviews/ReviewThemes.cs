using System.Globalization;
using ShopLens.Learning.Text;

namespace ShopLens.Insight.Reviews;

/// <summary>
/// What a scope's complaints and praise are about. Each review's n-grams (Chinese character pairs and triples, English
/// words of two letters or more that are not function words, negated ones as not_x) are counted once per review and
/// set against each other by the log-odds ratio with an informative Dirichlet prior from all the shop's reviews
/// (<see cref="LogOddsRatio"/>): for a part of the shop (a product), its complaints against the other complaints and its
/// praise against the other praise — what is said of this product more than of the rest; for the whole shop, complaints
/// against praise. N-grams with z ≥ <see cref="MinZ"/> in at least <see cref="MinMentions"/> reviews are merged into
/// themes (<see cref="TermThemes"/>), and each theme gets its share of the complaints (praise), the latest examples and a
/// monthly trend.
/// </summary>
public sealed class ReviewThemes
{
    /// <summary>A term must stand out at least this much (z of the log-odds ratio; one-sided 5 %, as only over-use is sought).</summary>
    public const double MinZ = 1.645;

    public const int MinMentions = 2;

    const int CandidateTerms = 60, Examples = 3;

    static readonly HashSet<string> FunctionWords = new(StringComparer.Ordinal)
    {
        "the", "and", "it", "is", "was", "to", "of", "for", "in", "on", "my", "me", "this", "that", "with", "but", "an", "as",
        "at", "be", "so", "are", "its", "it's", "i", "a", "after", "from", "by", "or", "had", "have", "has", "were", "just",
    };

    readonly IReadOnlyList<StoredReview> _reviews;
    readonly IReadOnlyDictionary<(string?, int, int, DateTime), double> _scores;
    readonly TextClassifier? _classifier;
    readonly string[][] _terms;
    readonly int[] _complaints, _praise;
    readonly Dictionary<string, int> _background = new(StringComparer.Ordinal);

    /// <param name="reviews">the shop's reviews, the prior's background</param>
    /// <param name="scores">saved sentiment of reviews (<see cref="SavedSentiment.Scores"/>), shown with the examples</param>
    /// <param name="classifier">explains the examples, when given</param>
    public ReviewThemes(IReadOnlyList<StoredReview> reviews, IReadOnlyDictionary<(string?, int, int, DateTime), double> scores, TextClassifier? classifier)
    {
        ArgumentNullException.ThrowIfNull(reviews);
        ArgumentNullException.ThrowIfNull(scores);
        (_reviews, _scores, _classifier) = (reviews, scores, classifier);
        var terms = new TextTerms();
        _terms = [.. reviews.Select(r => terms.Of(TextNormalizer.Normalize(r.Text)).Where(Counts).Distinct(StringComparer.Ordinal).ToArray())];
        foreach (var review in _terms)
            foreach (var term in review)
                _background[term] = _background.GetValueOrDefault(term) + 1;
        _complaints = [.. Enumerable.Range(0, reviews.Count).Where(i => ReviewMood.IsComplaint(reviews[i]))];
        _praise = [.. Enumerable.Range(0, reviews.Count).Where(i => ReviewMood.IsPraise(reviews[i]))];
    }

    /// <summary>Han n-grams of two characters or more (single characters say little alone) and English content words.</summary>
    static bool Counts(string term)
    {
        if (term.Length > 0 && term[0] >= '\u3400') return term.Length >= 2;
        var word = term.StartsWith(TextTerms.NegatedPrefix, StringComparison.Ordinal) ? term[TextTerms.NegatedPrefix.Length..] : term;
        return word.Length >= 2 && !FunctionWords.Contains(word) && !word.All(char.IsDigit);
    }

    /// <summary>The themes of the reviews <paramref name="inScope"/> selects, at most <paramref name="maxThemes"/> of each kind.</summary>
    public ThemeAnalysis Analyze(string scope, Func<StoredReview, bool> inScope, int maxThemes = 5)
    {
        ArgumentNullException.ThrowIfNull(inScope);
        var inside = _reviews.Select(inScope).ToArray();
        var members = Enumerable.Range(0, _reviews.Count).Where(i => inside[i]).ToArray();
        var (complaints, praise) = (_complaints, _praise);
        var (ownComplaints, ownPraise) = (complaints.Where(i => inside[i]).ToArray(), praise.Where(i => inside[i]).ToArray());
        if (members.Length == _reviews.Count)
        {
            var z = LogOddsRatio.ZScores(Count(complaints), Count(praise), _background);
            return new ThemeAnalysis(scope, members.Length, complaints.Length, praise.Length,
                Themes(complaints, z, +1, maxThemes), Themes(praise, z, -1, maxThemes));
        }
        var complained = LogOddsRatio.ZScores(Count(ownComplaints), Count([.. complaints.Where(i => !inside[i])]), _background);
        var praised = LogOddsRatio.ZScores(Count(ownPraise), Count([.. praise.Where(i => !inside[i])]), _background);
        return new ThemeAnalysis(scope, members.Length, ownComplaints.Length, ownPraise.Length,
            Themes(ownComplaints, complained, +1, maxThemes), Themes(ownPraise, praised, +1, maxThemes));
    }

    double? Score(int review) => _scores.TryGetValue(SavedSentiment.Key(_reviews[review]), out var p) ? p : null;

    Dictionary<string, int> Count(int[] reviews)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var i in reviews)
            foreach (var term in _terms[i])
                counts[term] = counts.GetValueOrDefault(term) + 1;
        return counts;
    }

    /// <summary>Themes of <paramref name="group"/>'s terms whose z, times <paramref name="sign"/>, clears <see cref="MinZ"/>.</summary>
    IReadOnlyList<ReviewTheme> Themes(int[] group, Dictionary<string, double> z, int sign, int maxThemes)
    {
        if (group.Length == 0) return [];
        var textsOf = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var k = 0; k < group.Length; k++)
            foreach (var term in _terms[group[k]])
                (textsOf.TryGetValue(term, out var list) ? list : textsOf[term] = []).Add(k);
        var ranked = textsOf.Where(t => t.Value.Count >= MinMentions && sign * z.GetValueOrDefault(t.Key) >= MinZ)
            .OrderByDescending(t => sign * z[t.Key]).ThenBy(t => t.Key, StringComparer.Ordinal)
            .Take(CandidateTerms).Select(t => t.Key);
        return [.. TermThemes.Merge(ranked, t => textsOf[t], maxThemes).Select(theme => new ReviewTheme(
            theme.Name, theme.Terms, Math.Round(sign * z[theme.Name], 3), theme.Texts.Count, (double)theme.Texts.Count / group.Length,
            ExamplesOf(theme.Texts.Select(k => group[k])), Trend(group, [.. theme.Texts.Select(k => group[k])])))];
    }

    IReadOnlyList<ThemeExample> ExamplesOf(IEnumerable<int> reviews) =>
        [.. reviews.OrderByDescending(i => _reviews[i].Time).ThenBy(i => i).DistinctBy(i => _reviews[i].Text).Take(Examples).Select(i =>
        {
            var r = _reviews[i];
            return new ThemeExample(r.ReviewId, r.CustomerId, r.ProductId, r.Time, r.Rating, r.Text, Score(i),
                _classifier?.Explain(r.Text, 3) ?? []);
        })];

    /// <summary>Every month from the group's first review to its last, with the group's reviews and the theme's mentions in it.</summary>
    IReadOnlyList<ThemeMonth> Trend(int[] group, HashSet<int> mentions)
    {
        static DateTime MonthOf(DateTime t) => new(t.Year, t.Month, 1, 0, 0, 0, DateTimeKind.Utc);
        var byMonth = group.GroupBy(i => MonthOf(_reviews[i].Time)).ToDictionary(g => g.Key, g => (All: g.Count(), Theme: g.Count(mentions.Contains)));
        var months = new List<ThemeMonth>();
        for (var m = byMonth.Keys.Min(); m <= byMonth.Keys.Max(); m = m.AddMonths(1))
        {
            var (all, theme) = byMonth.GetValueOrDefault(m);
            months.Add(new ThemeMonth(m.ToString("yyyy-MM", CultureInfo.InvariantCulture), all, theme));
        }
        return months;
    }
}
