namespace ShopLens.Learning.Supervised;

/// <summary>
/// What every fitted supervised model offers: predictions for new rows (a probability for binary objectives, the
/// predicted value otherwise) and a byte-stable save; each model type also has a static <c>Load(Stream)</c>.
/// </summary>
public interface ISupervisedModel
{
    /// <summary>The number of feature columns the model was fitted on.</summary>
    int Columns { get; }

    /// <summary>One prediction per row of <paramref name="features"/> (row-major, <see cref="Columns"/> wide).</summary>
    /// <exception cref="LearnerInputException">a shape that does not fit or a value the model cannot take</exception>
    double[] Predict(float[] features);

    /// <summary>Writes the model; the same model always writes the same bytes.</summary>
    void Save(Stream stream);
}
