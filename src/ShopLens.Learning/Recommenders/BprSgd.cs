namespace ShopLens.Learning.Recommenders;

/// <summary>
/// BPR's SGD steps on shared factor arrays. Several threads may run at once without locks (Hogwild): a step reads and
/// writes three factor rows, and collisions are rare and only perturb the descent.
/// </summary>
sealed class BprSgd(Interactions x, float[] users, float[] items, float[] biases, float learningRate, float regularization)
{
    /// <summary>The user of every stored interaction, so a uniform interaction gives the (user, positive item) pair.</summary>
    readonly int[] _userOf = UserOfEntries(x);
    readonly int _f = users.Length / x.Users;

    /// <summary>Runs <paramref name="samples"/> steps, drawing from <paramref name="rng"/>; users who have every item are skipped.</summary>
    public void Run(Random rng, int samples, CancellationToken ct)
    {
        for (var s = 0; s < samples; s++)
        {
            if ((s & 0xFFFF) == 0) ct.ThrowIfCancellationRequested();
            var entry = rng.Next(x.Count);
            var u = _userOf[entry];
            var owned = x.ItemsOf(u);
            if (owned.Length == x.Items) continue;
            int j;
            do j = rng.Next(x.Items);
            while (owned.BinarySearch(j) >= 0);
            Step(u, x.Columns[entry], j);
        }
    }

    /// <summary>One ascent step on ln σ(x̂ᵤᵢ − x̂ᵤⱼ) − penalty, x̂ᵤᵢ = bᵢ + xᵤ · yᵢ.</summary>
    void Step(int u, int i, int j)
    {
        Span<float> xu = users.AsSpan(u * _f, _f), yi = items.AsSpan(i * _f, _f), yj = items.AsSpan(j * _f, _f);
        var difference = biases[i] - biases[j];
        for (var k = 0; k < _f; k++) difference += xu[k] * (yi[k] - yj[k]);
        // d ln σ(d) / dd = σ(−d).
        var z = (float)(1 / (1 + Math.Exp(difference)));
        for (var k = 0; k < _f; k++)
        {
            var (uk, ik, jk) = (xu[k], yi[k], yj[k]);
            xu[k] += learningRate * (z * (ik - jk) - regularization * uk);
            yi[k] += learningRate * (z * uk - regularization * ik);
            yj[k] += learningRate * (-z * uk - regularization * jk);
        }
        biases[i] += learningRate * (z - regularization * biases[i]);
        biases[j] += learningRate * (-z - regularization * biases[j]);
    }

    static int[] UserOfEntries(Interactions x)
    {
        var userOf = new int[x.Count];
        for (var u = 0; u < x.Users; u++) userOf.AsSpan(x.RowStart[u], x.RowStart[u + 1] - x.RowStart[u]).Fill(u);
        return userOf;
    }
}
