namespace ShopLens.Insight.Predictions;

/// <summary>The store's data cannot support the task at all (no history before the cut-off, or one outcome only); the message says what is missing.</summary>
public sealed class InsufficientDataException : Exception
{
    public InsufficientDataException(string message) : base(message) { }

    public InsufficientDataException(string message, Exception inner) : base(message, inner) { }

    public InsufficientDataException() { }
}
