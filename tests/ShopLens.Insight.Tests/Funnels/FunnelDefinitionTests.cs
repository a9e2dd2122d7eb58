using ShopLens.Core.Model;
using ShopLens.Insight.Funnels;

namespace ShopLens.Insight.Tests.Funnels;

/// <summary>Parsing funnel steps and windows: good values in, clear errors naming the bad value out.</summary>
[Trait("Issue", "3")]
public sealed class FunnelDefinitionTests
{
    [Theory]
    [InlineData("30m", 1800)]
    [InlineData("12h", 43200)]
    [InlineData("1d", 86400)]
    [InlineData("7d", 604800)]
    [InlineData("2w", 1209600)]
    [InlineData(" 90S ", 90)]
    public void Windows_parse(string text, long seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), ConversionWindow.Parse(text));
        Assert.Equal(TimeSpan.FromSeconds(seconds), ConversionWindow.Parse(ConversionWindow.Format(TimeSpan.FromSeconds(seconds))));
    }

    [Theory]
    [InlineData("")]
    [InlineData("1")]
    [InlineData("d")]
    [InlineData("0d")]
    [InlineData("-1d")]
    [InlineData("1.5h")]
    [InlineData("3x")]
    [InlineData("99999999w")]
    public void Bad_windows_name_the_value(string text)
    {
        var e = Assert.Throws<ArgumentException>(() => ConversionWindow.Parse(text));
        Assert.Contains($"'{text}'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Steps_parse_with_the_usual_spellings()
    {
        Assert.Equal([EventType.View, EventType.Cart, EventType.Purchase], FunnelDefinition.ParseSteps("view, add_to_cart,PURCHASE"));
        Assert.Equal([EventType.View, EventType.View], FunnelDefinition.ParseSteps("view,view"));
    }

    [Theory]
    [InlineData("view,teleport", "'teleport'")]
    [InlineData("view", "at least two")]
    [InlineData("view,,cart", "''")]
    [InlineData("view,cart,view,cart,view,cart,view,cart,view", "at most 8")]
    public void Bad_steps_are_named(string text, string expected)
    {
        var e = Assert.Throws<ArgumentException>(() => FunnelDefinition.ParseSteps(text));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Definitions_are_checked()
    {
        var ok = new FunnelDefinition { Steps = [EventType.View, EventType.Cart] };
        ok.Validate();
        Assert.Throws<ArgumentException>(() => (ok with { Window = TimeSpan.Zero }).Validate());
        Assert.Throws<ArgumentException>(() => (ok with { Window = TimeSpan.FromMilliseconds(1500) }).Validate());
        Assert.Throws<ArgumentException>(() => (ok with { Steps = [EventType.View] }).Validate());
        Assert.Throws<ArgumentException>(() => (ok with { From = new DateTime(2024, 2, 1), AsOf = new DateTime(2024, 1, 1) }).Validate());
        Assert.Throws<ArgumentException>(() => (ok with { CorrelationTop = -1 }).Validate());
    }
}
