using ShopLens.Learning.Supervised;

namespace ShopLens.Learning.Tests.Linear;

/// <summary>
/// The 2000 × 6 data set the scikit-learn references were computed on, drawn with a 64-bit linear congruential
/// generator (Knuth's MMIX constants) and plain arithmetic only, so Python draws the same float32 values:
/// xᵢⱼ = float32(offsetⱼ + scaleⱼ · gᵢⱼ) with g a sum of four uniforms minus 2, and yᵢ = 1 when
/// 2.15 + Σⱼ βⱼ xᵢⱼ + 1.5 g &gt; 0 (a probit-like signal; 673 positives).
/// </summary>
static class KnownAnswerData
{
    public const int Rows = 2000, Columns = 6;

    static readonly double[] Scale = [1.0, 2.0, 0.5, 3.0, 1.0, 0.25];
    static readonly double[] Offset = [0.0, 1.0, -1.0, 2.0, 0.5, 0.0];
    static readonly double[] Beta = [1.5, -0.75, 3.0, 0.4, 0.0, -4.0];

    /*  The same in Python (scikit-learn's inputs are X.astype(np.float64) and y):
        A, C, M = 6364136223846793005, 1442695040888963407, (1 << 64) - 1
        state = 2024
        def uniform():
            global state
            state = (state * A + C) & M
            return (state >> 11) * (1.0 / (1 << 53))
        def bump(): return uniform() + uniform() + uniform() + uniform() - 2.0
        X = np.zeros((2000, 6), np.float32); y = np.zeros(2000, np.float32)
        for i in range(2000):
            for j in range(6): X[i, j] = np.float32(OFFSET[j] + SCALE[j] * bump())
            z = 2.15
            for j in range(6): z += BETA[j] * float(X[i, j])
            y[i] = 1.0 if z + 1.5 * bump() > 0 else 0.0
    */
    public static LabeledRows Create(float[]? weights = null)
    {
        var random = new Lcg(2024);
        var x = new float[Rows * Columns];
        var y = new float[Rows];
        for (var i = 0; i < Rows; i++)
        {
            for (var j = 0; j < Columns; j++) x[i * Columns + j] = (float)(Offset[j] + Scale[j] * random.Bump());
            var z = 2.15;
            for (var j = 0; j < Columns; j++) z += Beta[j] * x[i * Columns + j];
            y[i] = z + 1.5 * random.Bump() > 0 ? 1f : 0f;
        }
        return new LabeledRows(x, Columns, y, weights);
    }

    /// <summary>Row weights 1, 2, 3, 1, 2, 3, … (Python: <c>1 + (i % 3)</c>).</summary>
    public static float[] CyclingWeights() => [.. Enumerable.Range(0, Rows).Select(i => 1f + i % 3)];

    /// <summary>A 64-bit LCG (Knuth, MMIX): the top 53 bits of the state as a uniform double in [0, 1).</summary>
    sealed class Lcg(ulong state)
    {
        public double Uniform()
        {
            state = unchecked(state * 6364136223846793005UL + 1442695040888963407UL);
            return (state >> 11) * (1.0 / (1UL << 53));
        }

        /// <summary>Four uniforms minus 2: mean 0, variance 1/3, added left to right as Python does.</summary>
        public double Bump() => Uniform() + Uniform() + Uniform() + Uniform() - 2.0;
    }
}
