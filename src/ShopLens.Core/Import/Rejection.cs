namespace ShopLens.Core.Import;

/// <summary>Why a row was not accepted: a short stable reason code, the canonical field it concerns (if any), and a message for people.</summary>
public readonly record struct Rejection(string Reason, string? Field, string Message)
{
    /// <summary>The key under which the import report counts it (<c>by_reason</c>): <c>reason</c> or <c>reason:field</c>.</summary>
    public string Key => Field is null ? Reason : $"{Reason}:{Field}";
}
