namespace ShopLens.Core.Access;

/// <summary>What the store knows of an API key, never its secret: its public id, a name for people, its role, and when it was made and revoked (null while active).</summary>
public sealed record ApiKey(string KeyId, string? Name, ApiKeyRole Role, DateTime CreatedAt, DateTime? RevokedAt);
