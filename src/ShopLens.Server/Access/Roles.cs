using ShopLens.Core.Access;

namespace ShopLens.Server.Access;

/// <summary>
/// The authorisation policies routes name. Admin may do everything; analysts read insight (without personal fields);
/// ingest keys only send events. Every route needs a key unless it is marked anonymous (the fallback policy).
/// </summary>
public static class Roles
{
    public const string Read = "read";
    public const string Ingest = "ingest";
    public const string Admin = "admin";

    /// <summary>The roles each policy admits.</summary>
    public static IReadOnlyList<ApiKeyRole> Admitted(string policy) => policy switch
    {
        Read => [ApiKeyRole.Admin, ApiKeyRole.Analyst],
        Ingest => [ApiKeyRole.Admin, ApiKeyRole.Ingest],
        Admin => [ApiKeyRole.Admin],
        _ => throw new ArgumentException($"no policy '{policy}'", nameof(policy)),
    };
}
