using System.Globalization;

namespace ShopLens.Insight.Funnels;

/// <summary>
/// A funnel's conversion window as people write it: a whole number and a unit, <c>s</c>, <c>m</c>, <c>h</c>, <c>d</c> or
/// <c>w</c> (<c>90s</c>, <c>30m</c>, <c>12h</c>, <c>1d</c>, <c>7d</c>, <c>2w</c>).
/// </summary>
public static class ConversionWindow
{
    /// <summary>Parses <paramref name="text"/>; a missing or unknown unit, or a window that is not positive, is an <see cref="ArgumentException"/>.</summary>
    public static TimeSpan Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = text.Trim().ToLowerInvariant();
        if (t.Length >= 2 && long.TryParse(t.AsSpan(0, t.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0)
        {
            var seconds = t[^1] switch { 's' => 1L, 'm' => 60L, 'h' => 3600L, 'd' => 86400L, 'w' => 604800L, _ => 0L };
            // Ten years is more than any funnel needs and keeps the arithmetic far from overflow.
            if (seconds > 0 && n <= 10 * 366 * 86400L / seconds) return TimeSpan.FromSeconds(n * seconds);
        }
        throw new ArgumentException($"window '{text}' is not a whole number with a unit s, m, h, d or w (30m, 12h, 1d, 7d), up to ten years");
    }

    /// <summary>The shortest way to write a window in whole units (<c>1d</c>, <c>36h</c>, <c>90s</c>).</summary>
    public static string Format(TimeSpan window)
    {
        var s = (long)window.TotalSeconds;
        foreach (var (unit, size) in new[] { ("w", 604800L), ("d", 86400L), ("h", 3600L), ("m", 60L) })
            if (s > 0 && s % size == 0) return (s / size).ToString(CultureInfo.InvariantCulture) + unit;
        return s.ToString(CultureInfo.InvariantCulture) + "s";
    }
}
