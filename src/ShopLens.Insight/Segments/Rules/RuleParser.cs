using System.Globalization;
using ShopLens.Core.Store;
using ShopLens.Insight.Features;

namespace ShopLens.Insight.Segments.Rules;

/// <summary>
/// Recursive descent over the words of a condition, checking column names and types as it goes:
/// <code>
/// condition  := or
/// or         := and ("or" and)*
/// and        := not ("and" not)*
/// not        := "not" not | "(" or ")" | predicate
/// predicate  := operand ( op operand | "is" ["not"] "null" | ["not"] "in" "(" literal ("," literal)* ")" )
/// op         := "=" | "!=" | "&lt;&gt;" | "&lt;" | "&lt;=" | "&gt;" | "&gt;="
/// operand    := column | literal          literal := number | string
/// </code>
/// Keywords are case-insensitive; column names are exact.
/// </summary>
sealed class RuleParser
{
    const int MaxDepth = 100;
    static readonly string[] Keywords = ["and", "or", "not", "is", "null", "in"];

    readonly string _text;
    readonly RuleColumns _columns;
    readonly List<RuleToken> _tokens;
    int _next;
    int _depth;

    RuleParser(string text, RuleColumns columns)
    {
        _text = text;
        _columns = columns;
        _tokens = RuleLexer.Tokenize(text);
    }

    public static RuleNode Parse(string text, RuleColumns columns)
    {
        var parser = new RuleParser(text, columns);
        if (parser.Peek.Kind == RuleTokenKind.End) throw new RuleParseException("the condition is empty", 1);
        var node = parser.Or();
        if (parser.Peek.Kind != RuleTokenKind.End)
            throw parser.Error($"expected 'and', 'or' or the end of the condition but found {parser.Peek.Describe()}", parser.Peek);
        return node;
    }

    RuleToken Peek => _tokens[_next];

    RuleToken Take() => _tokens[_next++];

    RuleNode Or()
    {
        var left = And();
        while (Peek.IsKeyword("or"))
        {
            Take();
            left = new OrNode(left, And());
        }
        return left;
    }

    RuleNode And()
    {
        var left = Not();
        while (Peek.IsKeyword("and"))
        {
            Take();
            left = new AndNode(left, Not());
        }
        return left;
    }

    RuleNode Not()
    {
        if (++_depth > MaxDepth) throw Error($"the condition nests deeper than {MaxDepth} levels", Peek);
        try
        {
            if (Peek.IsKeyword("not"))
            {
                Take();
                return new NotNode(Not());
            }
            if (Peek.Kind == RuleTokenKind.Open)
            {
                var open = Take();
                var inner = Or();
                if (Peek.Kind != RuleTokenKind.Close)
                    throw Error($"expected ')' to close the '(' of character {open.Position} but found {Peek.Describe()}", Peek);
                Take();
                return inner;
            }
            return Predicate();
        }
        finally
        {
            _depth--;
        }
    }

    RuleNode Predicate()
    {
        var left = Operand("a condition (a column, number or string)");
        var next = Peek;
        if (next.Kind == RuleTokenKind.Operator)
        {
            Take();
            var right = Operand($"a column, number or string after '{next.Text}'");
            return new ComparisonNode(Comparable(left, right, next), next.Text, Comparable(right, left, next));
        }
        if (next.IsKeyword("is"))
        {
            Take();
            var negated = Peek.IsKeyword("not");
            if (negated) Take();
            if (!Peek.IsKeyword("null")) throw Error($"expected {(negated ? "'null'" : "'null' or 'not null'")} after 'is' but found {Peek.Describe()}", Peek);
            Take();
            return new NullTestNode(left, negated);
        }
        if (next.IsKeyword("in") || (next.IsKeyword("not") && _tokens[_next + 1].IsKeyword("in")))
        {
            var negated = Take().IsKeyword("not");
            if (negated) Take();
            return InList(left, negated);
        }
        throw Error($"expected a comparison (=, !=, <, <=, >, >=), 'is' or 'in' after {left.Description} but found {next.Describe()}", next);
    }

    RuleNode InList(RuleOperand left, bool negated)
    {
        if (Peek.Kind != RuleTokenKind.Open) throw Error($"expected '(' after 'in' but found {Peek.Describe()}", Peek);
        Take();
        var values = new List<RuleOperand>();
        while (true)
        {
            var at = Peek;
            if (at.Kind is not (RuleTokenKind.Number or RuleTokenKind.Text))
                throw Error($"expected a number or string in the 'in' list but found {at.Describe()}", at);
            values.Add(Comparable(Operand("a number or string"), left, at));
            if (Peek.Kind == RuleTokenKind.Close) break;
            if (Peek.Kind != RuleTokenKind.Comma) throw Error($"expected ',' or ')' in the 'in' list but found {Peek.Describe()}", Peek);
            Take();
        }
        Take();
        return new InListNode(left, values, negated);
    }

    RuleOperand Operand(string expected)
    {
        var token = Peek;
        switch (token.Kind)
        {
            case RuleTokenKind.Number:
                Take();
                if (!double.IsFinite(double.Parse(token.Text, NumberStyles.Float, CultureInfo.InvariantCulture)))
                    throw Error($"the number {token.Text} is too large", token);
                return new RuleOperand(token.Text, RuleValueKind.Number, $"the number {token.Text}");
            case RuleTokenKind.Text:
                Take();
                return new RuleOperand(SqlLiteral.Text(token.Text), RuleValueKind.Text, token.Describe(), token.Text);
            case RuleTokenKind.Word when !Keywords.Contains(token.Text.ToLowerInvariant()):
                Take();
                if (!_columns.Contains(token.Text))
                    throw Error($"unknown column '{token.Text}'", token, $"did you mean '{_columns.Closest(token.Text)}'?");
                var kind = _columns.IsTime(token.Text) ? RuleValueKind.Time : _columns.IsText(token.Text) ? RuleValueKind.Text : RuleValueKind.Number;
                return new RuleOperand(token.Text, kind, $"'{token.Text}'");
            default:
                throw Error($"expected {expected} but found {token.Describe()}", token);
        }
    }

    // Only values of one kind compare: a quoted 500 against monetary is a mistake worth naming. A quoted date
    // against a time column becomes a timestamp, so the store never has to guess.
    RuleOperand Comparable(RuleOperand value, RuleOperand other, RuleToken at)
    {
        if (value.Kind == other.Kind) return value;
        if (other.Kind == RuleValueKind.Time && value.Literal is not null)
        {
            if (!DateTime.TryParse(value.Literal, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var time))
                throw Error($"{value.Description} is not a date or time", at, "write an ISO 8601 date such as '2024-03-01' or '2024-03-01T09:30:00Z'");
            return value with { Sql = SqlLiteral.Timestamp(time), Kind = RuleValueKind.Time };
        }
        if (value.Kind == RuleValueKind.Time && other.Literal is not null) return value;
        var (first, second) = value.Kind == RuleValueKind.Number ? (other, value) : (value, other);
        throw Error($"{first.Description} is {first.KindInWords} and {second.Description} is {second.KindInWords}", at,
            first.Kind == RuleValueKind.Time || second.Kind == RuleValueKind.Time
                ? "compare times with quoted dates such as '2024-03-01'"
                : "compare numbers with numbers and text with quoted strings");
    }

    RuleParseException Error(string problem, RuleToken at, string? hint = null) => RuleParseException.At(_text, problem, at.Position, hint);
}
