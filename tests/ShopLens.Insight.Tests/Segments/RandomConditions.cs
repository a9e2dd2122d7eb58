using System.Globalization;
using ShopLens.Insight.Segments.Rules;

namespace ShopLens.Insight.Tests.Segments;

/// <summary>
/// Random conditions for fuzzing the rules language: well-formed ones from the grammar, the same with a random
/// edit (a character dropped, a fragment inserted), and raw random characters.
/// </summary>
sealed class RandomConditions(int seed)
{
    static readonly string[] Numeric = [.. RuleColumns.Profile.Names.Where(c => !RuleColumns.Profile.IsText(c) && !RuleColumns.Profile.IsTime(c))];
    static readonly string[] Text = [.. RuleColumns.Profile.Names.Where(RuleColumns.Profile.IsText)];
    static readonly string[] Operators = ["=", "!=", "<>", "<", "<=", ">", ">="];
    static readonly string[] Fragments = ["orders", "monetery", "and", "or", "not", "is", "null", "in", "(", ")", ",", "=", "==", "!", "-",
        "60", "-2.5", "1e3", "1.", "'Home'", "\"x\"", "'open", " ", "\t", "$", "é", "用户", ".", "AND", "1e999"];

    readonly Random _random = new(seed);

    /// <summary>A third each: well-formed, well-formed with one random edit, random characters.</summary>
    public string Next() => _random.Next(3) switch
    {
        0 => Condition(0),
        1 => Edit(Condition(0)),
        _ => new string([.. Enumerable.Range(0, _random.Next(0, 30)).Select(_ => (char)_random.Next(1, 0x3000))]),
    };

    string Condition(int depth) => (depth > 3 ? _random.Next(3) : _random.Next(7)) switch
    {
        0 => _random.Next(3) switch
        {
            0 => $"{Pick(Numeric)} {Pick(Operators)} {NumberOrColumn()}",
            1 => $"{Pick(Text)} {Pick(Operators)} {(_random.Next(2) == 0 ? Pick(Text) : Quoted())}",
            _ => $"first_seen {Pick(Operators)} '2024-0{_random.Next(1, 10)}-1{_random.Next(10)}'",
        },
        1 => $"{Pick(Numeric.Concat(Text).ToArray())} is {(_random.Next(2) == 0 ? "not " : "")}null",
        2 => _random.Next(2) == 0
            ? $"{Pick(Numeric)} {(_random.Next(2) == 0 ? "not " : "")}in ({string.Join(", ", Enumerable.Range(0, _random.Next(1, 4)).Select(_ => Number()))})"
            : $"{Pick(Text)} in ({string.Join(",", Enumerable.Range(0, _random.Next(1, 4)).Select(_ => Quoted()))})",
        3 => $"not {Condition(depth + 1)}",
        4 => $"({Condition(depth + 1)})",
        5 => $"{Condition(depth + 1)} and {Condition(depth + 1)}",
        _ => $"{Condition(depth + 1)} OR {Condition(depth + 1)}",
    };

    string Edit(string text)
    {
        var at = _random.Next(text.Length + 1);
        return _random.Next(2) == 0 && text.Length > 0
            ? text.Remove(Math.Min(at, text.Length - 1), 1)
            : text.Insert(at, Pick(Fragments));
    }

    string NumberOrColumn() => _random.Next(3) == 0 ? Pick(Numeric) : Number();

    string Number() => _random.Next(3) switch
    {
        0 => _random.Next(-5, 1000).ToString(CultureInfo.InvariantCulture),
        1 => (_random.NextDouble() * 100).ToString("0.###", CultureInfo.InvariantCulture),
        _ => "1e-3",
    };

    string Quoted() => _random.Next(2) == 0 ? "'it''s'" : "\"Home\"";

    string Pick(string[] options) => options[_random.Next(options.Length)];
}
