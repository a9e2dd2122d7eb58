namespace ShopLens.Learning.Recommenders;

/// <summary>
/// The file body of the baselines that give every user the same list (popularity, trending): the item count and one
/// score per item, never negative.
/// </summary>
static class ItemScoreFile
{
    public static void Write(Stream stream, string magic, int version, float[] scores)
    {
        using var w = RecommenderFile.Writer(stream, magic, version);
        w.Write(scores.Length);
        RecommenderFile.Write(w, scores);
    }

    public static float[] Read(BinaryReader r, int version, string label, string what) => RecommenderFile.Body(r, version, label, () =>
    {
        var scores = RecommenderFile.ReadFloats(r, RecommenderFile.ReadCount(r, label, "items"), 1, label, what);
        for (var i = 0; i < scores.Length; i++)
            if (scores[i] < 0) throw new InvalidDataException($"{label} model: item {i} has {what} {scores[i]}");
        return scores;
    });
}
