using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ShopLens.Server.Access;
using ShopLens.Server.Endpoints;
using ShopLens.Server.Live;

namespace ShopLens.Server;

/// <summary>
/// <c>shoplens serve</c>: the HTTP API over one store. Every route needs an API key (<c>X-Api-Key</c>) unless marked
/// anonymous; each key is rate-limited on its own; errors are RFC 9457 problem details.
/// </summary>
public static class ShopServer
{
    /// <summary>The rate limiter policy every API route uses.</summary>
    const string PerKey = "per-key";

    /// <summary>
    /// Opens the store and builds the app; <paramref name="configure"/> may adjust the builder first (tests put in a
    /// test server). The caller runs and disposes the app; disposing it closes the store.
    /// </summary>
    public static WebApplication Build(ServerOptions options, string[]? urls = null, Action<WebApplicationBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var state = ShopState.Open(options);
        try
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            // Authentication registers data protection, which warns that its keys are unencrypted; no cookie or token uses them.
            builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);
            if (urls is { Length: > 0 }) builder.WebHost.UseUrls(urls);
            builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = options.MaxRequestBytes);
            builder.Services.AddSingleton(state);
            builder.Services.AddSingleton<Retraining>();
            builder.Services.AddHostedService<ScheduledRetraining>();
            builder.Services.Configure<JsonOptions>(json =>
            {
                json.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
                json.SerializerOptions.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
                json.SerializerOptions.Converters.Add(new Contracts.UtcDateTimeJson());
            });
            builder.Services.AddProblemDetails();
            builder.Services.AddAuthentication(ApiKeyAuthentication.SchemeName)
                .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null);
            builder.Services.AddAuthorizationBuilder()
                .SetFallbackPolicy(new AuthorizationPolicyBuilder(ApiKeyAuthentication.SchemeName).RequireAuthenticatedUser().Build())
                .AddPolicy(Roles.Read, p => p.RequireRole(Roles.Admitted(Roles.Read).Select(Core.Access.ApiKeyRoles.Name)))
                .AddPolicy(Roles.Ingest, p => p.RequireRole(Roles.Admitted(Roles.Ingest).Select(Core.Access.ApiKeyRoles.Name)))
                .AddPolicy(Roles.Admin, p => p.RequireRole(Roles.Admitted(Roles.Admin).Select(Core.Access.ApiKeyRoles.Name)));
            builder.Services.AddRateLimiter(limits =>
            {
                limits.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
                limits.AddPolicy(PerKey, context => RateLimitPartition.GetTokenBucketLimiter(
                    context.User.FindFirst(ApiKeyAuthentication.KeyIdClaim)?.Value ?? "anonymous", _ => new TokenBucketRateLimiterOptions
                    {
                        TokenLimit = 2 * options.RequestsPerSecondPerKey,
                        TokensPerPeriod = options.RequestsPerSecondPerKey,
                        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                        QueueLimit = 0,
                        AutoReplenishment = true,
                    }));
                limits.OnRejected = async (context, ct) =>
                {
                    var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? Math.Max(1, (int)Math.Ceiling(after.TotalSeconds)) : 1;
                    context.HttpContext.Response.Headers.RetryAfter = wait.ToString(CultureInfo.InvariantCulture);
                    await Results.Problem($"this API key made more than {options.RequestsPerSecondPerKey} requests per second; retry after {wait} s",
                        statusCode: StatusCodes.Status429TooManyRequests, title: "too many requests").ExecuteAsync(context.HttpContext);
                };
            });
            builder.Services.AddOpenApi("v1", openApi => openApi.AddDocumentTransformer<ApiDocument>());
            configure?.Invoke(builder);

            var app = builder.Build();
            app.Lifetime.ApplicationStopped.Register(state.Dispose);
            app.UseExceptionHandler();
            app.UseStatusCodePages();
            app.UseAuthentication();
            app.UseAuthorization();
            app.UseRateLimiter();
            app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
            HealthEndpoints.Map(app);
            DashboardEndpoints.Map(app);
            var api = app.MapGroup("").RequireRateLimiting(PerKey);
            OverviewEndpoints.Map(api);
            EventEndpoints.Map(api);
            CustomerEndpoints.Map(api);
            ProductEndpoints.Map(api);
            AnalyticsEndpoints.Map(api);
            ModelEndpoints.Map(api);
            KeyEndpoints.Map(api);
            return app;
        }
        catch
        {
            state.Dispose();
            throw;
        }
    }
}
