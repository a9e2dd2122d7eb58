using System.Text;

namespace ShopLens.Insight.Segments.Rules;

/// <summary>
/// Splits a condition into words: names (<c>[A-Za-z_][A-Za-z0-9_]*</c>, keywords among them), numbers
/// (<c>-?digits[.digits][e[+-]digits]</c>), strings in single or double quotes (a doubled quote inside is one quote),
/// the comparison operators, parentheses and commas.
/// </summary>
static class RuleLexer
{
    public static List<RuleToken> Tokenize(string text)
    {
        var tokens = new List<RuleToken>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            var at = i + 1;
            if (char.IsWhiteSpace(c)) i++;
            else if (IsNameStart(c))
            {
                var start = i;
                while (i < text.Length && IsNamePart(text[i])) i++;
                tokens.Add(new(RuleTokenKind.Word, text[start..i], at));
            }
            else if (char.IsAsciiDigit(c) || (c == '-' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]))) i = Number(text, i, tokens);
            else if (c is '\'' or '"') i = Quoted(text, i, tokens);
            else if (c == '(') { tokens.Add(new(RuleTokenKind.Open, "(", at)); i++; }
            else if (c == ')') { tokens.Add(new(RuleTokenKind.Close, ")", at)); i++; }
            else if (c == ',') { tokens.Add(new(RuleTokenKind.Comma, ",", at)); i++; }
            else if (c is '<' or '>' or '=' or '!') i = Operator(text, i, tokens);
            else if (c == '-') throw Error(text, "unexpected '-'", at, "conditions compare values and have no arithmetic");
            else throw Error(text, $"unexpected character '{c}'", at);
        }
        tokens.Add(new(RuleTokenKind.End, "", text.Length + 1));
        return tokens;
    }

    static int Number(string text, int i, List<RuleToken> tokens)
    {
        var start = i;
        if (text[i] == '-') i++;
        i = Digits(text, i);
        if (i < text.Length && text[i] == '.')
        {
            if (i + 1 >= text.Length || !char.IsAsciiDigit(text[i + 1]))
                throw Error(text, $"expected a digit after '{text[start..(i + 1)]}'", i + 2);
            i = Digits(text, i + 1);
        }
        if (i < text.Length && text[i] is 'e' or 'E')
        {
            var e = i + 1;
            if (e < text.Length && text[e] is '+' or '-') e++;
            if (e >= text.Length || !char.IsAsciiDigit(text[e]))
                throw Error(text, $"expected the digits of the exponent of '{text[start..e]}'", e + 1);
            i = Digits(text, e);
        }
        if (i < text.Length && IsNamePart(text[i]))
            throw Error(text, $"unexpected '{text[i]}' right after the number {text[start..i]}", i + 1);
        tokens.Add(new(RuleTokenKind.Number, text[start..i], start + 1));
        return i;
    }

    static int Quoted(string text, int i, List<RuleToken> tokens)
    {
        var quote = text[i];
        var start = i;
        var value = new StringBuilder();
        i++;
        while (true)
        {
            if (i >= text.Length) throw Error(text, $"no closing {quote} for the string that starts", start + 1);
            if (text[i] == quote)
            {
                if (i + 1 < text.Length && text[i + 1] == quote)
                {
                    value.Append(quote);
                    i += 2;
                    continue;
                }
                tokens.Add(new(RuleTokenKind.Text, value.ToString(), start + 1));
                return i + 1;
            }
            value.Append(text[i++]);
        }
    }

    static int Operator(string text, int i, List<RuleToken> tokens)
    {
        var two = i + 1 < text.Length ? text.Substring(i, 2) : "";
        var op = two switch
        {
            "<=" or ">=" or "!=" or "<>" => two,
            "==" => throw Error(text, "'==' is not an operator", i + 1, "write '='"),
            _ when text[i] == '!' => throw Error(text, "expected '!='", i + 1, "'not' negates a condition"),
            _ => text[i].ToString(),
        };
        tokens.Add(new(RuleTokenKind.Operator, op, i + 1));
        return i + op.Length;
    }

    static int Digits(string text, int i)
    {
        while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
        return i;
    }

    static bool IsNameStart(char c) => char.IsAsciiLetter(c) || c == '_';

    static bool IsNamePart(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    static RuleParseException Error(string text, string problem, int position, string? hint = null) => RuleParseException.At(text, problem, position, hint);
}
