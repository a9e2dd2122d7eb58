using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using ShopLens.Server.Access;
using ShopLens.Server.Live;

namespace ShopLens.Server.Endpoints;

/// <summary><c>GET /v1/products/{id}/similar</c>: the products most like one, by behaviour or, for a new product, by content.</summary>
static class ProductEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/v1/products/{id}/similar", (string id, int? k, ShopState state) =>
        {
            var count = k ?? 10;
            if (count is < 1 or > CustomerEndpoints.MaxRecommendations)
                return Results.Problem($"k must be between 1 and {CustomerEndpoints.MaxRecommendations} (got {count})", statusCode: StatusCodes.Status400BadRequest, title: "bad k");
            if (state.Snapshot.SimilarTo(id, count) is not { } found)
                return Results.Problem($"no product '{id}'", statusCode: StatusCodes.Status404NotFound, title: "unknown product");
            return Results.Ok(new
            {
                product_id = id,
                method = found.Method,
                similar = found.Similar.Select(s => new { product_id = s.ProductId, title = s.Title, similarity = Math.Round(s.Similarity, 6) }),
            });
        }).RequireAuthorization(Roles.Read).WithTags("products").WithSummary("Products most like one: by the customers who want both, or by what a new product is");
    }
}
