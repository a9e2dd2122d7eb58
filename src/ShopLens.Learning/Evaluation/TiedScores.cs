using System.Runtime.CompilerServices;

namespace ShopLens.Learning.Evaluation;

/// <summary>
/// The distinct scores from highest to lowest with the positives and negatives at each: the tie groups that ROC and
/// precision–recall curves step through (scikit-learn's <c>_binary_clf_curve</c> thresholds). Built by sorting each
/// class's scores on its own (<see cref="RadixSort"/>; no indices to carry) and merging the two from the top.
/// </summary>
ref struct TiedScores
{
    // The positives' scores, then the negatives', each ascending; _p and _n count those not yet visited.
    readonly Span<double> _positives, _negatives;
    int _p, _n;

    /// <summary>Splits the scores by label and sorts each class; labels and scores must have been checked.</summary>
    internal TiedScores(ReadOnlySpan<float> labels, ReadOnlySpan<double> scores, int positives)
    {
        var sorted = GC.AllocateUninitializedArray<double>(labels.Length);
        _positives = sorted.AsSpan(0, positives);
        _negatives = sorted.AsSpan(positives, labels.Length - positives);
        for (var i = 0; i < labels.Length; i++)
        {
            if (labels[i] == 1f) _positives[_p++] = scores[i];
            else _negatives[_n++] = scores[i];
        }
        RadixSort.Ascending(_positives);
        RadixSort.Ascending(_negatives);
    }

    /// <summary>The score of the current group.</summary>
    public double Score { get; private set; }

    /// <summary>Positives scored <see cref="Score"/>.</summary>
    public int Positives { get; private set; }

    /// <summary>Negatives scored <see cref="Score"/>.</summary>
    public int Negatives { get; private set; }

    /// <summary>Moves to the next lower score; false after the lowest.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // called once per distinct score from one loop: tier-0 code would run most of it
    public bool MoveNext()
    {
        if (_p == 0 && _n == 0) return false;
        // The spans are ascending, so the highest scores not yet visited sit at their ends.
        Score = _p == 0 ? _negatives[_n - 1] : _n == 0 ? _positives[_p - 1] : Math.Max(_positives[_p - 1], _negatives[_n - 1]);
        var (p, n) = (_p, _n);
        while (_p > 0 && _positives[_p - 1] == Score) _p--;
        while (_n > 0 && _negatives[_n - 1] == Score) _n--;
        (Positives, Negatives) = (p - _p, n - _n);
        return true;
    }
}
