using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using ShopLens.Core.Access;
using ShopLens.Server.Access;
using ShopLens.Server.Live;

namespace ShopLens.Server.Endpoints;

/// <summary>
/// <c>/v1/keys</c> (admins): API keys while the server holds the store, which <c>shoplens keys</c> then cannot open.
/// A new key's secret is in the creating response only; the store keeps its hash.
/// </summary>
static class KeyEndpoints
{
    /// <summary>The body of <c>POST /v1/keys</c>.</summary>
    public sealed record NewKey(string Role, string? Name);

    public static void Map(IEndpointRouteBuilder app)
    {
        var keys = app.MapGroup("/v1/keys").WithTags("keys").RequireAuthorization(Roles.Admin);
        keys.MapGet("/", (ShopState state) => Results.Ok(new { keys = state.Gate.Use(ApiKeys.List).Select(View) }))
            .WithSummary("Every API key, revoked ones included, without secrets");

        keys.MapPost("/", (NewKey body, ShopState state) =>
        {
            ApiKeyRole role;
            try
            {
                role = ApiKeyRoles.Parse(body.Role ?? "");
            }
            catch (ArgumentException e)
            {
                return Results.Problem(e.Message, statusCode: StatusCodes.Status400BadRequest, title: "bad role");
            }
            var (key, secret) = state.Gate.Use(store => ApiKeys.Create(store, role, body.Name));
            state.ReloadKeys();
            return Results.Created($"/v1/keys/{key.KeyId}", new { key_id = key.KeyId, name = key.Name, role = ApiKeyRoles.Name(key.Role), created_at = key.CreatedAt, key = secret });
        }).WithSummary("Creates a key; its secret is shown in this response only");

        keys.MapDelete("/{keyId}", (string keyId, ShopState state) =>
        {
            if (!state.Gate.Use(store => ApiKeys.Revoke(store, keyId)))
                return Results.Problem($"no active API key '{keyId}'", statusCode: StatusCodes.Status404NotFound, title: "unknown key");
            state.ReloadKeys();
            return Results.Ok(new { key_id = keyId, revoked = true });
        }).WithSummary("Revokes a key at once");
    }

    static object View(ApiKey k) => new { key_id = k.KeyId, name = k.Name, role = ApiKeyRoles.Name(k.Role), created_at = k.CreatedAt, revoked_at = k.RevokedAt };
}
