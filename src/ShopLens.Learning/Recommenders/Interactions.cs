namespace ShopLens.Learning.Recommenders;

/// <summary>
/// A user × item matrix of implicit feedback in compressed sparse rows: for user u, the items
/// <c>Items[RowStart[u] .. RowStart[u + 1])</c> in increasing order with their weights (a count, a rating, a
/// confidence). Users and items are dense indices 0 … n − 1; what they stand for is the caller's business.
/// </summary>
public sealed class Interactions
{
    Interactions(int users, int items, int[] rowStart, int[] columns, float[] values)
    {
        (Users, Items, RowStart, Columns, Values) = (users, items, rowStart, columns, values);
    }

    public int Users { get; }

    public int Items { get; }

    /// <summary>Where each user's row starts in <see cref="Columns"/>; length <see cref="Users"/> + 1.</summary>
    public int[] RowStart { get; }

    /// <summary>The item index of each stored entry, increasing within a row.</summary>
    public int[] Columns { get; }

    /// <summary>The weight of each stored entry.</summary>
    public float[] Values { get; }

    /// <summary>Stored (user, item) pairs.</summary>
    public int Count => Columns.Length;

    public ReadOnlySpan<int> ItemsOf(int user) => Columns.AsSpan(RowStart[user], RowStart[user + 1] - RowStart[user]);

    public ReadOnlySpan<float> WeightsOf(int user) => Values.AsSpan(RowStart[user], RowStart[user + 1] - RowStart[user]);

    /// <summary>
    /// Builds the matrix from (user, item, weight) triples in any order; repeated pairs add their weights (three views
    /// of an item weigh three).
    /// </summary>
    /// <exception cref="LearnerInputException">lengths differ, an index out of range, or a weight that is not finite and positive</exception>
    public static Interactions FromTriples(int users, int items, ReadOnlySpan<int> user, ReadOnlySpan<int> item, ReadOnlySpan<float> weight)
    {
        if (users < 0 || items < 0) throw new LearnerInputException($"interactions need ≥ 0 users and items (got {users} × {items})");
        if (user.Length != item.Length || user.Length != weight.Length)
            throw new LearnerInputException($"interaction triples of different lengths: {user.Length} users, {item.Length} items, {weight.Length} weights");
        var counts = new int[users + 1];
        for (var k = 0; k < user.Length; k++)
        {
            if ((uint)user[k] >= (uint)users) throw new LearnerInputException($"interaction {k}: user {user[k]} is outside 0 … {users - 1}");
            if ((uint)item[k] >= (uint)items) throw new LearnerInputException($"interaction {k}: item {item[k]} is outside 0 … {items - 1}");
            if (!(weight[k] > 0) || float.IsInfinity(weight[k])) throw new LearnerInputException($"interaction {k}: weight {weight[k]} is not a finite positive number");
            counts[user[k] + 1]++;
        }
        for (var u = 0; u < users; u++) counts[u + 1] += counts[u];
        var next = (int[])counts.Clone();
        var columns = new int[user.Length];
        var values = new float[user.Length];
        for (var k = 0; k < user.Length; k++)
        {
            var at = next[user[k]]++;
            (columns[at], values[at]) = (item[k], weight[k]);
        }
        // Sort each row by item and add up repeats.
        var rowStart = new int[users + 1];
        var write = 0;
        for (var u = 0; u < users; u++)
        {
            var (start, end) = (counts[u], counts[u + 1]);
            Array.Sort(columns, values, start, end - start);
            rowStart[u] = write;
            for (var k = start; k < end; k++)
            {
                if (write > rowStart[u] && columns[write - 1] == columns[k]) values[write - 1] += values[k];
                else (columns[write], values[write++]) = (columns[k], values[k]);
            }
        }
        rowStart[users] = write;
        return new Interactions(users, items, rowStart, columns[..write], values[..write]);
    }

    /// <summary>A copy with the weights rescaled as <paramref name="weighting"/> says, learned from this matrix.</summary>
    public Interactions Reweighted(Weighting weighting) => RowWeighting.Fit(weighting, this).Apply(this);

    /// <summary>The same pairs with other weights, in the order of <see cref="Values"/>.</summary>
    internal Interactions WithValues(float[] values) => new(Users, Items, RowStart, Columns, values);

    /// <summary>Writes the matrix as a model file's part: its shape, row starts, columns and values.</summary>
    internal void Write(BinaryWriter w)
    {
        w.Write(Users);
        w.Write(Items);
        w.Write(Count);
        RecommenderFile.Write(w, RowStart);
        RecommenderFile.Write(w, Columns);
        RecommenderFile.Write(w, Values);
    }

    /// <summary>Reads what <see cref="Write"/> wrote, checking that it is a matrix (rows in order, columns increasing and in range).</summary>
    internal static Interactions Read(BinaryReader r, string label)
    {
        var users = RecommenderFile.ReadCount(r, label, "rows");
        var items = RecommenderFile.ReadCount(r, label, "columns");
        var count = RecommenderFile.ReadCount(r, label, "entries");
        var rowStart = RecommenderFile.ReadInts(r, users + 1, label, "row starts");
        if (rowStart[0] != 0 || rowStart[users] != count) throw new InvalidDataException($"{label} model: the rows span {rowStart[0]} … {rowStart[users]}, not 0 … {count}");
        var columns = RecommenderFile.ReadInts(r, count, label, "columns");
        for (var u = 0; u < users; u++)
        {
            if (rowStart[u + 1] < rowStart[u]) throw new InvalidDataException($"{label} model: row {u} ends before it starts");
            for (var k = rowStart[u]; k < rowStart[u + 1]; k++)
                if ((uint)columns[k] >= (uint)items || (k > rowStart[u] && columns[k] <= columns[k - 1]))
                    throw new InvalidDataException($"{label} model: row {u} has column {columns[k]} out of order or outside 0 … {items - 1}");
        }
        return new Interactions(users, items, rowStart, columns, RecommenderFile.ReadFloats(r, count, 1, label, "value"));
    }

    /// <summary>The item × user matrix.</summary>
    public Interactions Transpose()
    {
        var counts = new int[Items + 1];
        foreach (var i in Columns) counts[i + 1]++;
        for (var i = 0; i < Items; i++) counts[i + 1] += counts[i];
        var next = (int[])counts.Clone();
        var columns = new int[Count];
        var values = new float[Count];
        for (var u = 0; u < Users; u++)
            for (var k = RowStart[u]; k < RowStart[u + 1]; k++)
            {
                var at = next[Columns[k]]++;
                (columns[at], values[at]) = (u, Values[k]);
            }
        return new Interactions(Items, Users, counts, columns, values);
    }
}
