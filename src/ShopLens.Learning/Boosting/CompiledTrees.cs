using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ShopLens.Learning.Boosting;

/// <summary>
/// LightGBM's trees read from its text model into flat arrays and walked in C#, as lleaves and treelite compile them:
/// LightGBM's own predictor spends ~25 ns per tree and row on a dense matrix (1M customers × 100 trees: 2.4 s on
/// 2 cores). Numerical splits are walked without branches — every leaf loops to itself, each tree is walked to its
/// depth for 8 rows at once so their independent load chains overlap — and trees with categorical or zero-as-missing
/// splits take LightGBM's decisions one node at a time. Decisions follow include/LightGBM/tree.h (NumericalDecision,
/// CategoricalDecision); tests hold the scores to LightGBM's own.
/// </summary>
sealed class CompiledTrees
{
    const byte Categorical = 1;
    const byte DefaultLeft = 2;
    const int MissingZero = 1;
    const int MissingNaN = 2;
    const double ZeroThreshold = 1e-35f; // LightGBM's kZeroThreshold
    const int Lanes = 8;

    // Every node of every tree, leaves included, by a global index. A split's children are children[2i] (left) and
    // children[2i + 1] (right); a leaf's are itself, with an infinite threshold, so extra steps stay on it.
    readonly int[] _feature;
    readonly double[] _threshold;
    readonly float[] _floatThreshold; // the largest float ≤ the threshold: for a float value, v > t ⟺ v > it
    readonly int[] _children;
    readonly int[] _nanRight;    // 1 when NaN goes right at this split (else it goes where "value > threshold" sends it: left)
    readonly byte[] _decision;   // LightGBM's decision_type, for the careful walk
    readonly double[] _value;    // leaf value (0 at splits)
    readonly int[] _root;        // global index of each tree's root
    readonly int[] _depth;       // steps from the root to the deepest leaf
    readonly bool[] _careful;    // has categorical or zero-as-missing splits
    readonly int[][] _catBounds;
    readonly uint[][] _catBits;

    CompiledTrees(Builder b) =>
        (_feature, _threshold, _floatThreshold, _children, _nanRight, _decision, _value, _root, _depth, _careful, _catBounds, _catBits) =
        ([.. b.Feature], [.. b.Threshold], [.. b.Threshold.Select(FloatBelow)], [.. b.Children], [.. b.NanRight], [.. b.Decision], [.. b.Value], [.. b.Root],
            [.. b.Depth], [.. b.Careful], [.. b.CatBounds], [.. b.CatBits]);

    public int Trees => _root.Length;

    sealed class Builder
    {
        public readonly List<int> Feature = [], Children = [], NanRight = [], Root = [], Depth = [];
        public readonly List<double> Threshold = [], Value = [];
        public readonly List<byte> Decision = [];
        public readonly List<bool> Careful = [];
        public readonly List<int[]> CatBounds = [];
        public readonly List<uint[]> CatBits = [];

        public void Add(IReadOnlyDictionary<string, string> fields)
        {
            if (fields.TryGetValue("is_linear", out var linear) && linear != "0")
                throw new InvalidDataException("GBDT model: linear trees are not supported");
            var leaves = Doubles(fields["leaf_value"]);
            var splits = leaves.Length - 1;
            var (feature, threshold, decision, left, right) = splits == 0 ? ([], [], [], [], [])
                : (Ints(fields["split_feature"]), Doubles(fields["threshold"]), Ints(fields["decision_type"]),
                    Ints(fields["left_child"]), Ints(fields["right_child"]));
            var bas = Feature.Count;
            int Global(int child) => child >= 0 ? bas + child : bas + splits + ~child;
            var careful = false;
            for (var i = 0; i < splits; i++)
            {
                var missing = (decision[i] >> 2) & 3;
                careful |= (decision[i] & Categorical) != 0 || missing == MissingZero;
                // tree.h: NaN with missing type NaN goes the default way; otherwise it is read as 0.
                var nanRight = missing == MissingNaN ? (decision[i] & DefaultLeft) == 0 : 0 > threshold[i];
                Feature.Add(feature[i]);
                Threshold.Add(threshold[i]);
                Decision.Add((byte)decision[i]);
                NanRight.Add(nanRight ? 1 : 0);
                Value.Add(0);
                Children.Add(Global(left[i]));
                Children.Add(Global(right[i]));
            }
            for (var l = 0; l < leaves.Length; l++)
            {
                var self = bas + splits + l;
                Feature.Add(0);
                Threshold.Add(double.PositiveInfinity);
                Decision.Add(0);
                NanRight.Add(0);
                Value.Add(leaves[l]);
                Children.Add(self);
                Children.Add(self);
            }
            Root.Add(bas);
            Depth.Add(splits == 0 ? 0 : DepthOf(0, left, right));
            Careful.Add(careful);
            CatBounds.Add(fields.TryGetValue("cat_boundaries", out var b) ? Ints(b) : []);
            CatBits.Add(fields.TryGetValue("cat_threshold", out var t)
                ? [.. t.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(v => uint.Parse(v, CultureInfo.InvariantCulture))]
                : []);
        }

        static int DepthOf(int node, int[] left, int[] right) =>
            node < 0 ? 0 : 1 + Math.Max(DepthOf(left[node], left, right), DepthOf(right[node], left, right));
    }

    /// <summary>Reads the <c>Tree=</c> sections of LightGBM's text model (single-output models only).</summary>
    public static CompiledTrees Parse(string text)
    {
        var builder = new Builder();
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var inTree = false;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.StartsWith("Tree=", StringComparison.Ordinal) || line.StartsWith("end of trees", StringComparison.Ordinal))
            {
                if (fields.Count > 0) builder.Add(fields);
                fields.Clear();
                inTree = line.StartsWith("Tree=", StringComparison.Ordinal);
                if (!inTree) break;
                continue;
            }
            if (line.StartsWith("num_class=", StringComparison.Ordinal) && line != "num_class=1")
                throw new InvalidDataException("GBDT model: only single-output models are supported");
            var eq = line.IndexOf('=', StringComparison.Ordinal);
            if (inTree && eq > 0) fields[line[..eq]] = line[(eq + 1)..];
        }
        return new CompiledTrees(builder);
    }

    /// <summary>Adds every tree's leaf value to <paramref name="raw"/>[i] for row i of <paramref name="features"/>.</summary>
    public void RawScores(float[] features, int columns, double[] raw, int threads)
    {
        const int Block = 256; // rows per task: a tree stays in cache while the block's rows walk it
        var rows = raw.Length;
        var blocks = (rows + Block - 1) / Block;
        // One block (a recommender's candidates for one request) runs on the caller's thread: handing it to the
        // pool costs more than the walk, and a server's other requests keep the other cores busy anyway.
        if (blocks == 1 || threads == 1)
        {
            for (var block = 0; block < blocks; block++) ScoreBlock(block * Block, Math.Min(rows, (block + 1) * Block), features, columns, raw);
            return;
        }
        Parallel.For(0, blocks, new ParallelOptions { MaxDegreeOfParallelism = threads },
            block => ScoreBlock(block * Block, Math.Min(rows, (block + 1) * Block), features, columns, raw));
    }

    void ScoreBlock(int start, int end, float[] features, int columns, double[] raw)
    {
        for (var t = 0; t < _root.Length; t++)
        {
            var i = start;
            if (!_careful[t])
                for (; i + Lanes <= end; i += Lanes) AddLeaves(t, features, columns, i, raw);
            for (; i < end; i++) raw[i] += _value[Leaf(t, features.AsSpan(i * columns, columns))];
        }
    }

    /// <summary>Walks one tree without branches for <see cref="Lanes"/> rows from <paramref name="first"/>.</summary>
    void AddLeaves(int tree, float[] features, int columns, int first, double[] raw)
    {
        // Indices here are in range by construction (children and features checked at parse, rows by the caller), so
        // the walk reads through refs without bounds checks: they were a third of its time.
        ref var f = ref MemoryMarshal.GetArrayDataReference(_feature);
        ref var th = ref MemoryMarshal.GetArrayDataReference(_floatThreshold);
        ref var ch = ref MemoryMarshal.GetArrayDataReference(_children);
        ref var nr = ref MemoryMarshal.GetArrayDataReference(_nanRight);
        ref var x = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(features), first * columns);
        var root = _root[tree];
        int n0 = root, n1 = root, n2 = root, n3 = root, n4 = root, n5 = root, n6 = root, n7 = root;
        for (var d = _depth[tree]; d > 0; d--)
        {
            n0 = Step(ref ch, ref th, ref nr, n0, Unsafe.Add(ref x, 0 * columns + Unsafe.Add(ref f, n0)));
            n1 = Step(ref ch, ref th, ref nr, n1, Unsafe.Add(ref x, 1 * columns + Unsafe.Add(ref f, n1)));
            n2 = Step(ref ch, ref th, ref nr, n2, Unsafe.Add(ref x, 2 * columns + Unsafe.Add(ref f, n2)));
            n3 = Step(ref ch, ref th, ref nr, n3, Unsafe.Add(ref x, 3 * columns + Unsafe.Add(ref f, n3)));
            n4 = Step(ref ch, ref th, ref nr, n4, Unsafe.Add(ref x, 4 * columns + Unsafe.Add(ref f, n4)));
            n5 = Step(ref ch, ref th, ref nr, n5, Unsafe.Add(ref x, 5 * columns + Unsafe.Add(ref f, n5)));
            n6 = Step(ref ch, ref th, ref nr, n6, Unsafe.Add(ref x, 6 * columns + Unsafe.Add(ref f, n6)));
            n7 = Step(ref ch, ref th, ref nr, n7, Unsafe.Add(ref x, 7 * columns + Unsafe.Add(ref f, n7)));
        }
        raw[first + 0] += _value[n0];
        raw[first + 1] += _value[n1];
        raw[first + 2] += _value[n2];
        raw[first + 3] += _value[n3];
        raw[first + 4] += _value[n4];
        raw[first + 5] += _value[n5];
        raw[first + 6] += _value[n6];
        raw[first + 7] += _value[n7];
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static int Step(ref int children, ref float thresholds, ref int nanRight, int node, float value) =>
        Unsafe.Add(ref children, 2 * node + Right(value, Unsafe.Add(ref thresholds, node), Unsafe.Add(ref nanRight, node)));

    /// <summary>1 to go right: the value is above the threshold, or NaN where NaN goes right (comparisons with NaN are false).</summary>
    static int Right(float value, float threshold, int nanRight) =>
        (value > threshold ? 1 : 0) | (nanRight & (float.IsNaN(value) ? 1 : 0));

    static float FloatBelow(double threshold)
    {
        var f = (float)threshold;
        return f > threshold ? MathF.BitDecrement(f) : f;
    }

    /// <summary>LightGBM's decisions one node at a time; returns the leaf's global index.</summary>
    int Leaf(int tree, ReadOnlySpan<float> row)
    {
        var node = _root[tree];
        for (var d = _depth[tree]; d > 0; d--)
        {
            double value = row[_feature[node]];
            var right = (_decision[node] & Categorical) != 0 ? CategoricalRight(tree, node, value) : NumericalRight(node, value);
            node = _children[2 * node + (right ? 1 : 0)];
        }
        return node;
    }

    // tree.h NumericalDecision (a leaf's infinite threshold sends everything left, to itself).
    bool NumericalRight(int node, double value)
    {
        var decision = _decision[node];
        var missing = (decision >> 2) & 3;
        if (double.IsNaN(value) && missing != MissingNaN) value = 0;
        if ((missing == MissingZero && Math.Abs(value) <= ZeroThreshold) || (missing == MissingNaN && double.IsNaN(value)))
            return (decision & DefaultLeft) == 0;
        return !(value <= _threshold[node]);
    }

    // tree.h CategoricalDecision: NaN and negative categories go right; others left when their bit is set.
    bool CategoricalRight(int tree, int node, double value)
    {
        if (double.IsNaN(value)) return true;
        var category = (int)value;
        if (category < 0) return true;
        var bounds = _catBounds[tree];
        var index = (int)_threshold[node];
        var (from, to) = (bounds[index], bounds[index + 1]);
        var word = category / 32;
        if (word >= to - from) return true;
        return ((_catBits[tree][from + word] >> (category % 32)) & 1) == 0;
    }

    static int[] Ints(string text) => [.. text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(v => int.Parse(v, CultureInfo.InvariantCulture))];

    static double[] Doubles(string text) => [.. text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Double)];

    // C++ streams write infinities and NaN as inf, -inf and nan.
    static double Double(string v) => v switch
    {
        "inf" or "+inf" => double.PositiveInfinity,
        "-inf" => double.NegativeInfinity,
        "nan" or "-nan" => double.NaN,
        _ => double.Parse(v, CultureInfo.InvariantCulture),
    };
}
