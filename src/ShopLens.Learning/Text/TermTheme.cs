namespace ShopLens.Learning.Text;

/// <summary>Terms that speak of one thing, strongest first (the first names it), and the texts that mention any of them.</summary>
public sealed record TermTheme(IReadOnlyList<string> Terms, IReadOnlyList<int> Texts)
{
    public string Name => Terms[0];
}
