namespace ShopLens.Core.Access;

/// <summary>What an API key may do; the store keeps the lower-case name (<see cref="ApiKeyRoles.Name"/>).</summary>
public enum ApiKeyRole
{
    Admin,
    Analyst,
    Ingest,
}
