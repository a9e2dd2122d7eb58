namespace ShopLens.Learning.Tests.Btyd;

/// <summary>The bytes a model's <c>Save</c> writes.</summary>
static class BgNbdModelBytes
{
    public static byte[] Of(Action<Stream> save)
    {
        using var stream = new MemoryStream();
        save(stream);
        return stream.ToArray();
    }
}
