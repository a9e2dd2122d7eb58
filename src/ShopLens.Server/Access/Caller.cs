using System.Security.Claims;
using ShopLens.Server.Live;

namespace ShopLens.Server.Access;

/// <summary>
/// Who is asking, as far as responses care: an admin sees customers as they are; an analyst sees no personal fields
/// and, with pseudonyms configured, customers only by pseudonym — in what they send and in what they get back.
/// </summary>
public sealed class Caller(ClaimsPrincipal user, ShopState state)
{
    public bool SeesPersonalFields { get; } = user.IsInRole("admin");

    bool Pseudonymous => !SeesPersonalFields && state.Pseudonyms is not null;

    /// <summary>A customer id as this caller should see it.</summary>
    public string Show(string customerId) => Pseudonymous ? state.Pseudonyms!.Of(customerId) : customerId;

    /// <summary>The customer id this caller means (a pseudonym resolved), or null when it names nobody the server knows.</summary>
    public string? Resolve(string presented)
    {
        var id = Pseudonymous ? state.Pseudonyms!.IdOf(presented, state.Snapshot.Customers.Keys) : presented;
        return id is null || state.IsErased(id) ? null : id;
    }
}
