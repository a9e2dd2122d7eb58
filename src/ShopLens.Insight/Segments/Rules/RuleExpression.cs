namespace ShopLens.Insight.Segments.Rules;

/// <summary>
/// A condition of the rules language (<see cref="RuleParser"/> has the grammar), checked against the columns it may
/// name, and its translation to a SQL condition over them that is never NULL.
/// </summary>
public sealed class RuleExpression
{
    RuleExpression(string text, string sql)
    {
        Text = text;
        Sql = sql;
    }

    /// <summary>The condition as written.</summary>
    public string Text { get; }

    /// <summary>The condition as SQL over the columns, in the dialect DuckDB and PostgreSQL share.</summary>
    public string Sql { get; }

    /// <summary>Parses and checks <paramref name="text"/>; a <see cref="RuleParseException"/> says where and what was expected.</summary>
    public static RuleExpression Parse(string text, RuleColumns columns)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(columns);
        return new RuleExpression(text, RuleParser.Parse(text, columns).ToSql());
    }

    public override string ToString() => Text;
}
