using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ShopLens.Core.Access;
using ShopLens.Server.Live;

namespace ShopLens.Server.Access;

/// <summary>
/// Authenticates a request by its <c>X-Api-Key</c> header against the store's active keys (<see cref="ApiKeyRing"/>,
/// which compares in constant time). The principal carries the key's id (for rate limits) and role.
/// </summary>
sealed class ApiKeyAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ShopState state)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "X-Api-Key";
    public const string KeyIdClaim = "key_id";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var values) || values.Count == 0) return Task.FromResult(AuthenticateResult.NoResult());
        if (state.Keys.Find(values[0]) is not { } key) return Task.FromResult(AuthenticateResult.Fail("unknown or revoked API key"));
        var identity = new ClaimsIdentity([new Claim(KeyIdClaim, key.KeyId), new Claim(ClaimTypes.Role, ApiKeyRoles.Name(key.Role))], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }
}
