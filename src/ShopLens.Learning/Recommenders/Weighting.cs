namespace ShopLens.Learning.Recommenders;

/// <summary>
/// How interaction weights are rescaled before a factor model sees them (<see cref="Interactions.Reweighted"/>), as the
/// <c>implicit</c> library's examples weigh the item × user matrix: items are the documents, users the terms, so a
/// user who touched many items counts less on each (the idf) and BM25 also evens out popular against rare items.
/// </summary>
public enum Weighting
{
    /// <summary>The weights as given.</summary>
    None,

    /// <summary>
    /// Okapi BM25 with K1 = 100 and B = 0.8 (implicit's <c>bm25_weight</c>): w · (K1 + 1) / (K1 · Lᵢ + w) · idfᵤ, with
    /// Lᵢ = 1 − B + B · (item i's weight total) / (mean item total) and idfᵤ = ln(items) − ln(1 + items of u).
    /// </summary>
    Bm25,

    /// <summary>√w · idfᵤ (implicit's <c>tfidf_weight</c>).</summary>
    TfIdf,
}
