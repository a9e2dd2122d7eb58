namespace ShopLens.Core.Access;

/// <summary>Lower-case names of <see cref="ApiKeyRole"/> (<c>admin</c>, <c>analyst</c>, <c>ingest</c>) and their parsing.</summary>
public static class ApiKeyRoles
{
    public static readonly IReadOnlyList<string> Names = [.. Enum.GetValues<ApiKeyRole>().Select(Name)];

    public static string Name(ApiKeyRole role) => role switch
    {
        ApiKeyRole.Admin => "admin",
        ApiKeyRole.Analyst => "analyst",
        ApiKeyRole.Ingest => "ingest",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "unknown API key role"),
    };

    /// <exception cref="ArgumentException"><paramref name="name"/> is not one of <see cref="Names"/></exception>
    public static ApiKeyRole Parse(string name)
    {
        foreach (var role in Enum.GetValues<ApiKeyRole>())
            if (Name(role) == name) return role;
        throw new ArgumentException($"role '{name}' is not one of {string.Join(", ", Names)}", nameof(name));
    }
}
