using ShopLens.Learning.Supervised;

namespace ShopLens.Learning.Boosting;

/// <summary>
/// Gradient-boosted trees by LightGBM (<see cref="GbdtOptions"/>): binary, regression, Tweedie and LambdaRank
/// objectives, NaN as missing, categorical columns, early stopping on a validation set. LightGBM does the learning;
/// this class only hands it the rows and keeps the best round.
/// </summary>
public sealed class GbdtTrainer(GbdtOptions options)
{
    readonly GbdtOptions _options = options ?? throw new ArgumentNullException(nameof(options));

    /// <summary>Fits on <paramref name="train"/>, stopping early on <paramref name="validation"/> when the options ask.</summary>
    /// <exception cref="LearnerInputException">empty or bad rows, or labels the objective cannot take</exception>
    public GbdtModel Fit(LabeledRows train, LabeledRows? validation = null, CancellationToken ct = default)
    {
        if (_options.Objective == GbdtObjective.LambdaRank)
            throw new ArgumentException("GBDT: LambdaRank needs query groups; call FitRanking");
        return Fit(train, null, validation, null, ct);
    }

    /// <summary>
    /// Fits LambdaRank: <paramref name="groupSizes"/> are the sizes of consecutive query groups of
    /// <paramref name="train"/> (summing to its rows), and likewise for the validation set.
    /// </summary>
    public GbdtModel FitRanking(LabeledRows train, IReadOnlyList<int> groupSizes, LabeledRows? validation = null,
        IReadOnlyList<int>? validationGroupSizes = null, CancellationToken ct = default)
    {
        if (_options.Objective != GbdtObjective.LambdaRank)
            throw new ArgumentException("GBDT: FitRanking needs the LambdaRank objective");
        CheckGroups(groupSizes, train, "training groups");
        if (validation is not null) CheckGroups(validationGroupSizes, validation, "validation groups");
        return Fit(train, groupSizes, validation, validationGroupSizes, ct);
    }

    GbdtModel Fit(LabeledRows train, IReadOnlyList<int>? groups, LabeledRows? validation, IReadOnlyList<int>? validationGroups,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(train);
        CheckRows(train, "training rows");
        if (validation is not null)
        {
            CheckRows(validation, "validation rows");
            if (validation.Columns != train.Columns)
                throw new LearnerInputException($"validation rows have {validation.Columns} columns, training rows {train.Columns}");
        }
        _options.Validate(train.Columns);
        if (_options.EarlyStoppingRounds > 0 && validation is null)
            throw new ArgumentException("GBDT: early stopping needs a validation set");
        ct.ThrowIfCancellationRequested();

        string text;
        BoosterRounds.History history;
        lock (LightGbmNative.ThreadCountGate)
        {
            using var trainSet = NativeDataset.Create(train, groups, _options.DatasetParameters(), null);
            using var validSet = validation is null ? null
                : NativeDataset.Create(validation, validationGroups, _options.DatasetParameters(), trainSet);
            using var booster = BoosterRounds.Create(trainSet, validSet, _options.BoosterParameters());
            history = BoosterRounds.Run(booster, _options, validSet is not null, ct);
            text = BoosterRounds.ModelText(booster, history.BestRound);
        }
        return new GbdtModel(text, _options.Objective, train.Columns, history.BestRound, history.ValidationLoss);
    }

    void CheckRows(LabeledRows rows, string what)
    {
        rows.Check(what, allowMissing: true);
        if (_options.Objective == GbdtObjective.Binary) rows.CheckBinary(what);
        if (_options.Objective is GbdtObjective.Tweedie or GbdtObjective.LambdaRank)
            for (var i = 0; i < rows.Labels.Length; i++)
                if (rows.Labels[i] < 0) throw new LearnerInputException($"{what}: label of row {i} is {rows.Labels[i]}; {_options.Objective} labels must be ≥ 0");
        foreach (var column in _options.CategoricalColumns)
            for (var i = 0; i < rows.Rows; i++)
            {
                var v = rows.Features[i * rows.Columns + column];
                if (!float.IsNaN(v) && (v < 0 || v != MathF.Floor(v)))
                    throw new LearnerInputException($"{what}: row {i}, categorical column {column} is {v}; category codes are integers ≥ 0");
            }
    }

    static void CheckGroups(IReadOnlyList<int>? sizes, LabeledRows rows, string what)
    {
        if (sizes is null || sizes.Count == 0) throw new LearnerInputException($"{what}: none given");
        var total = 0L;
        foreach (var size in sizes)
        {
            if (size < 1) throw new LearnerInputException($"{what}: a group of size {size}");
            total += size;
        }
        if (total != rows.Rows) throw new LearnerInputException($"{what}: sizes sum to {total}, but there are {rows.Rows} rows");
    }
}
