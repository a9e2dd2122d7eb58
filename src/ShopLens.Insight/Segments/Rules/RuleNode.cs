namespace ShopLens.Insight.Segments.Rules;

/// <summary>
/// A parsed condition, as a tree that prints itself as SQL. Conditions are two-valued: a comparison with a missing
/// (NULL) value is false rather than unknown, so <c>not (recency_days &gt; 60)</c> also holds for customers
/// without orders; <c>is null</c> asks about missing values directly.
/// </summary>
abstract record RuleNode
{
    public abstract string ToSql();
}

sealed record AndNode(RuleNode Left, RuleNode Right) : RuleNode
{
    public override string ToSql() => $"({Left.ToSql()} AND {Right.ToSql()})";
}

sealed record OrNode(RuleNode Left, RuleNode Right) : RuleNode
{
    public override string ToSql() => $"({Left.ToSql()} OR {Right.ToSql()})";
}

sealed record NotNode(RuleNode Operand) : RuleNode
{
    public override string ToSql() => $"(NOT {Operand.ToSql()})";
}

sealed record ComparisonNode(RuleOperand Left, string Operator, RuleOperand Right) : RuleNode
{
    public override string ToSql() => $"coalesce({Left.Sql} {(Operator == "!=" ? "<>" : Operator)} {Right.Sql}, FALSE)";
}

sealed record NullTestNode(RuleOperand Operand, bool Negated) : RuleNode
{
    public override string ToSql() => $"({Operand.Sql} IS {(Negated ? "NOT " : "")}NULL)";
}

sealed record InListNode(RuleOperand Operand, IReadOnlyList<RuleOperand> Values, bool Negated) : RuleNode
{
    public override string ToSql() =>
        $"coalesce({Operand.Sql} {(Negated ? "NOT " : "")}IN ({string.Join(", ", Values.Select(v => v.Sql))}), FALSE)";
}

/// <summary>What a value in a condition is; only values of one kind compare.</summary>
enum RuleValueKind { Number, Text, Time }

/// <summary>
/// A value in a condition: a profile column, a number or a string, as SQL; <see cref="Literal"/> keeps a string's
/// text so that it can become a time when compared with a time column.
/// </summary>
sealed record RuleOperand(string Sql, RuleValueKind Kind, string Description, string? Literal = null)
{
    public string KindInWords => Kind switch
    {
        RuleValueKind.Number => "a number",
        RuleValueKind.Text => "text",
        _ => "a time",
    };
}
