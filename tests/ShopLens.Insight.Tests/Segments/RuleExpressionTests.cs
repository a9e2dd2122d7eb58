using ShopLens.Insight.Segments.Rules;

namespace ShopLens.Insight.Tests.Segments;

/// <summary>The rules language: good conditions become the expected SQL, every kind of bad one gets its exact message.</summary>
[Trait("Issue", "3")]
public sealed class RuleExpressionTests
{
    static string Sql(string text) => RuleExpression.Parse(text, RuleColumns.Profile).Sql;

    [Theory]
    [InlineData("recency_days > 60 and monetary > 500", "(coalesce(recency_days > 60, FALSE) AND coalesce(monetary > 500, FALSE))")]
    [InlineData("orders = 1 or orders >= 3 and returns = 0",
        "(coalesce(orders = 1, FALSE) OR (coalesce(orders >= 3, FALSE) AND coalesce(returns = 0, FALSE)))")]
    [InlineData("(orders = 1 or orders >= 3) and returns = 0",
        "((coalesce(orders = 1, FALSE) OR coalesce(orders >= 3, FALSE)) AND coalesce(returns = 0, FALSE))")]
    [InlineData("NOT (monetary <= -2.5e3 Or mean_rating IS NULL)", "(NOT (coalesce(monetary <= -2.5e3, FALSE) OR (mean_rating IS NULL)))")]
    [InlineData("not not orders != 0", "(NOT (NOT coalesce(orders <> 0, FALSE)))")]
    [InlineData("orders <> 0", "coalesce(orders <> 0, FALSE)")]
    [InlineData("top_brand is not null", "(top_brand IS NOT NULL)")]
    [InlineData("top_category not in ('Home', \"it's\", 'say \"hi\"', \"a \"\"b\"\"\")", "coalesce(top_category NOT IN ('Home', 'it''s', 'say \"hi\"', 'a \"b\"'), FALSE)")]
    [InlineData("top_weekday in (0, 6)", "coalesce(top_weekday IN (0, 6), FALSE)")]
    [InlineData("n_cart_30d>n_purchase_30d", "coalesce(n_cart_30d > n_purchase_30d, FALSE)")]
    [InlineData("first_seen < '2024-01-01'", "coalesce(first_seen < TIMESTAMP '2024-01-01 00:00:00.000000', FALSE)")]
    [InlineData("'2024-03-01T09:30:00Z' <= first_seen", "coalesce(TIMESTAMP '2024-03-01 09:30:00.000000' <= first_seen, FALSE)")]
    [InlineData("first_seen in ('2024-01-01', '2024-01-02 12:00')",
        "coalesce(first_seen IN (TIMESTAMP '2024-01-01 00:00:00.000000', TIMESTAMP '2024-01-02 12:00:00.000000'), FALSE)")]
    [InlineData("  ((( orders > 0 )))  ", "coalesce(orders > 0, FALSE)")]
    public void Good_conditions_become_sql(string text, string sql) => Assert.Equal(sql, Sql(text));

    [Theory]
    [InlineData("", 1, "the condition is empty")]
    [InlineData("   ", 1, "the condition is empty")]
    [InlineData("recency_days >", 15, "expected a column, number or string after '>' but found the end at character 15 of \"recency_days >\"")]
    [InlineData("recency_days 60", 14,
        "expected a comparison (=, !=, <, <=, >, >=), 'is' or 'in' after 'recency_days' but found '60' at character 14 of \"recency_days 60\"")]
    [InlineData("recency_days > 60 and monetery > 500", 23,
        "unknown column 'monetery' at character 23 of \"recency_days > 60 and monetery > 500\"; did you mean 'monetary'?")]
    [InlineData("Orders > 1", 1, "unknown column 'Orders' at character 1 of \"Orders > 1\"; did you mean 'orders'?")]
    [InlineData("(orders > 1", 12, "expected ')' to close the '(' of character 1 but found the end at character 12 of \"(orders > 1\"")]
    [InlineData("top_category = 'Home", 16, "no closing ' for the string that starts at character 16 of \"top_category = 'Home\"")]
    [InlineData("orders == 1", 8, "'==' is not an operator at character 8 of \"orders == 1\"; write '='")]
    [InlineData("orders ! 1", 8, "expected '!=' at character 8 of \"orders ! 1\"; 'not' negates a condition")]
    [InlineData("orders - 1 > 0", 8, "unexpected '-' at character 8 of \"orders - 1 > 0\"; conditions compare values and have no arithmetic")]
    [InlineData("orders > 1 monetary > 2", 12,
        "expected 'and', 'or' or the end of the condition but found 'monetary' at character 12 of \"orders > 1 monetary > 2\"")]
    [InlineData("monetary > '500'", 10,
        "the string '500' is text and 'monetary' is a number at character 10 of \"monetary > '500'\"; compare numbers with numbers and text with quoted strings")]
    [InlineData("top_category = 5", 14,
        "'top_category' is text and the number 5 is a number at character 14 of \"top_category = 5\"; compare numbers with numbers and text with quoted strings")]
    [InlineData("first_seen > 5", 12,
        "'first_seen' is a time and the number 5 is a number at character 12 of \"first_seen > 5\"; compare times with quoted dates such as '2024-03-01'")]
    [InlineData("first_seen = top_brand", 12,
        "'first_seen' is a time and 'top_brand' is text at character 12 of \"first_seen = top_brand\"; compare times with quoted dates such as '2024-03-01'")]
    [InlineData("first_seen < 'soon'", 12,
        "the string 'soon' is not a date or time at character 12 of \"first_seen < 'soon'\"; write an ISO 8601 date such as '2024-03-01' or '2024-03-01T09:30:00Z'")]
    [InlineData("top_category in ()", 18, "expected a number or string in the 'in' list but found ')' at character 18 of \"top_category in ()\"")]
    [InlineData("top_category in ('a' 'b')", 22, "expected ',' or ')' in the 'in' list but found the string 'b' at character 22 of \"top_category in ('a' 'b')\"")]
    [InlineData("top_category in 'a'", 17, "expected '(' after 'in' but found the string 'a' at character 17 of \"top_category in 'a'\"")]
    [InlineData("orders in (1, 'two')", 15,
        "the string 'two' is text and 'orders' is a number at character 15 of \"orders in (1, 'two')\"; compare numbers with numbers and text with quoted strings")]
    [InlineData("orders is 5", 11, "expected 'null' or 'not null' after 'is' but found '5' at character 11 of \"orders is 5\"")]
    [InlineData("orders is not 5", 15, "expected 'null' after 'is' but found '5' at character 15 of \"orders is not 5\"")]
    [InlineData("orders > 1 $", 12, "unexpected character '$' at character 12 of \"orders > 1 $\"")]
    [InlineData("orders > 1.", 12, "expected a digit after '1.' at character 12 of \"orders > 1.\"")]
    [InlineData("orders > 1e", 12, "expected the digits of the exponent of '1e' at character 12 of \"orders > 1e\"")]
    [InlineData("orders > 12abc", 12, "unexpected 'a' right after the number 12 at character 12 of \"orders > 12abc\"")]
    [InlineData("orders > 1e999", 10, "the number 1e999 is too large at character 10 of \"orders > 1e999\"")]
    [InlineData("and > 1", 1, "expected a condition (a column, number or string) but found 'and' at character 1 of \"and > 1\"")]
    [InlineData("orders > 1 and", 15, "expected a condition (a column, number or string) but found the end at character 15 of \"orders > 1 and\"")]
    [InlineData("orders", 7, "expected a comparison (=, !=, <, <=, >, >=), 'is' or 'in' after 'orders' but found the end at character 7 of \"orders\"")]
    public void Bad_conditions_say_where_and_what_was_expected(string text, int position, string message)
    {
        var e = Assert.Throws<RuleParseException>(() => Sql(text));
        Assert.Equal(message, e.Message);
        Assert.Equal(position, e.Position);
    }

    [Fact]
    public void Deep_nesting_is_an_error_not_a_stack_overflow()
    {
        var text = new string('(', 5000) + "orders > 1" + new string(')', 5000);
        var e = Assert.Throws<RuleParseException>(() => Sql(text));
        Assert.StartsWith("the condition nests deeper than 100 levels at character 101 of", e.Message, StringComparison.Ordinal);
        Assert.Equal("coalesce(orders > 1, FALSE)", Sql(new string('(', 99) + "orders > 1" + new string(')', 99)));
    }

    [Fact]
    public void The_closest_column_is_suggested_whatever_the_case()
    {
        Assert.Equal("n_cart_30d", RuleColumns.Profile.Closest("N_CARTS_30D"));
        Assert.Equal("recency_days", RuleColumns.Profile.Closest("recency"));
        Assert.Equal("avg_order_value", RuleColumns.Profile.Closest("avg_order_valeu"));
    }

    [Fact]
    public void Random_text_never_crashes_the_parser()
    {
        // Every input either parses or fails with a RuleParseException pointing inside it (or just past its end).
        var conditions = new RandomConditions(3);
        var (parsed, failed) = (0, 0);
        for (var n = 0; n < 900; n++)
        {
            var text = conditions.Next();
            try
            {
                Assert.NotEmpty(Sql(text));
                parsed++;
            }
            catch (RuleParseException e)
            {
                Assert.InRange(e.Position, 1, text.Length + 1);
                failed++;
            }
        }
        Assert.True(parsed > 200 && failed > 200, $"{parsed} parsed and {failed} failed: the fuzz should exercise both");
    }
}
