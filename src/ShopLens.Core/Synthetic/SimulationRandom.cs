namespace ShopLens.Core.Synthetic;

/// <summary>
/// The simulator's seeded random source (xoshiro256**, seeded by SplitMix64) and the distributions it draws from.
/// Its own generator rather than <see cref="Random"/> so that a (seed, stream) pair gives the same numbers on
/// every runtime version, and so that each customer gets an independent stream that does not depend on the others.
/// </summary>
sealed class SimulationRandom
{
    ulong _s0, _s1, _s2, _s3;
    double _spareNormal = double.NaN;

    public SimulationRandom(int seed, long stream = 0)
    {
        var x = unchecked((ulong)(uint)seed * 0x9E3779B97F4A7C15UL ^ (ulong)stream * 0xD1B54A32D192ED03UL);
        _s0 = SplitMix(ref x);
        _s1 = SplitMix(ref x);
        _s2 = SplitMix(ref x);
        _s3 = SplitMix(ref x);
    }

    // Vigna, "Further scramblings of Marsaglia's xorshift generators" (splitmix64 seeding).
    static ulong SplitMix(ref ulong x)
    {
        var z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A stateless hash of its inputs, uniform in [0, 1): used where a value must not depend on draw order.</summary>
    public static double Hash(int seed, long a, long b)
    {
        var x = unchecked((ulong)(uint)seed ^ (ulong)a * 0xC2B2AE3D27D4EB4FUL ^ (ulong)b * 0x165667B19E3779F9UL);
        return (SplitMix(ref x) >> 11) * (1.0 / (1UL << 53));
    }

    public ulong NextULong()
    {
        // Blackman & Vigna, xoshiro256** 1.0.
        var result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextULong() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform integer in [0, n).</summary>
    public int Next(int n) => (int)((NextULong() >> 32) * (ulong)n >> 32);

    /// <summary>Uniform integer in [lo, hi).</summary>
    public int Next(int lo, int hi) => lo + Next(hi - lo);

    public bool Chance(double p) => NextDouble() < p;

    /// <summary>Exponential with the given rate (mean 1/rate).</summary>
    public double Exponential(double rate) => -Math.Log(1.0 - NextDouble()) / rate;

    /// <summary>Standard normal (Marsaglia polar method).</summary>
    public double Normal()
    {
        if (!double.IsNaN(_spareNormal))
        {
            var spare = _spareNormal;
            _spareNormal = double.NaN;
            return spare;
        }
        double u, v, s;
        do
        {
            u = 2 * NextDouble() - 1;
            v = 2 * NextDouble() - 1;
            s = u * u + v * v;
        } while (s is >= 1 or 0);
        var f = Math.Sqrt(-2 * Math.Log(s) / s);
        _spareNormal = v * f;
        return u * f;
    }

    /// <summary>Gamma with the given shape and scale (mean shape × scale); Marsaglia and Tsang 2000.</summary>
    public double Gamma(double shape, double scale)
    {
        if (shape < 1)
            return Gamma(shape + 1, scale) * Math.Pow(1.0 - NextDouble(), 1 / shape);
        var d = shape - 1.0 / 3;
        var c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double x, v;
            do
            {
                x = Normal();
                v = 1 + c * x;
            } while (v <= 0);
            v = v * v * v;
            var u = NextDouble();
            if (u < 1 - 0.0331 * x * x * x * x || Math.Log(u) < 0.5 * x * x + d * (1 - v + Math.Log(v)))
                return d * v * scale;
        }
    }

    /// <summary>Beta(a, b) as a ratio of gammas.</summary>
    public double Beta(double a, double b)
    {
        var x = Gamma(a, 1);
        return x / (x + Gamma(b, 1));
    }

    /// <summary>Poisson with a small mean (Knuth's product method; the simulator's means are below 20).</summary>
    public int Poisson(double mean)
    {
        var limit = Math.Exp(-mean);
        var k = 0;
        var p = NextDouble();
        while (p > limit)
        {
            k++;
            p *= NextDouble();
        }
        return k;
    }

    /// <summary>An index drawn with probability proportional to the increments of a cumulative weight array.</summary>
    public int PickCumulative(ReadOnlySpan<double> cumulative)
    {
        var x = NextDouble() * cumulative[^1];
        int lo = 0, hi = cumulative.Length - 1;
        while (lo < hi)
        {
            var mid = (lo + hi) >> 1;
            if (cumulative[mid] > x) hi = mid;
            else lo = mid + 1;
        }
        return lo;
    }

    /// <summary>An index drawn with probability proportional to <paramref name="weights"/>.</summary>
    public int PickWeighted(ReadOnlySpan<double> weights)
    {
        var total = 0.0;
        foreach (var w in weights) total += w;
        var x = NextDouble() * total;
        for (var i = 0; i < weights.Length - 1; i++)
        {
            x -= weights[i];
            if (x < 0) return i;
        }
        return weights.Length - 1;
    }

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];
}
