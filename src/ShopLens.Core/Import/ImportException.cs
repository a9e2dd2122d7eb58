namespace ShopLens.Core.Import;

/// <summary>An import that cannot go on (a missing column, an unreadable file): its message names the file and what is wrong.</summary>
public sealed class ImportException : Exception
{
    public ImportException(string message) : base(message) { }
    public ImportException(string message, Exception inner) : base(message, inner) { }
    public ImportException() { }
}
