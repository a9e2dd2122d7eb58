using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ShopLens.Server;

/// <summary>The OpenAPI document's title, description and API-key scheme (committed as docs/openapi.json).</summary>
sealed class ApiDocument : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Info = new OpenApiInfo
        {
            Title = "ShopLens API",
            Version = "v1",
            Description = "Customer insight and behaviour prediction for one shop's store. Every route needs an API key in the " +
                "X-Api-Key header (`shoplens keys create --role admin|analyst|ingest`) except /health/* and this document; " +
                "errors are RFC 9457 problem details; each key is rate-limited (429 with Retry-After).",
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["ApiKey"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = "X-Api-Key",
            Description = "A key from `shoplens keys create`; its role (admin, analyst, ingest) decides the routes it may call",
        };
        document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("ApiKey", document)] = [] }];
        return Task.CompletedTask;
    }
}
