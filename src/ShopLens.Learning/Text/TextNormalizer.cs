using System.Text;

namespace ShopLens.Learning.Text;

/// <summary>
/// Review text as the feature extractors read it: full-width forms folded to their ASCII twins (ＡＢＣ１２３！ to
/// ABC123!, the ideographic space to a space — Chinese input methods type both widths), lower case, runs of white space
/// as one space. The folding is written out rather than left to NFKC because ShopLens runs without ICU (invariant
/// globalization), where string.Normalize leaves non-ASCII text as it is. Traditional and simplified characters are
/// kept apart (好評 is not 好评): a width is a form, a script is not, and a shop's customers write one or the other
/// consistently enough for each to earn its own weights.
/// </summary>
public static class TextNormalizer
{
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new StringBuilder(text.Length);
        var space = false;
        foreach (var original in text)
        {
            var c = char.ToLowerInvariant(original switch
            {
                >= '\uFF01' and <= '\uFF5E' => (char)(original - 0xFEE0),
                '\u3000' => ' ',
                _ => original,
            });
            if (char.IsWhiteSpace(c))
            {
                space = result.Length > 0;
                continue;
            }
            if (space) result.Append(' ');
            space = false;
            result.Append(c);
        }
        return result.ToString();
    }
}
