using System.Collections.Frozen;
using System.IO.Compression;
using System.Reflection;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Headers;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Net.Http.Headers;

namespace ShopLens.Server.Endpoints;

/// <summary>
/// The web dashboard: <c>index.html</c> at <c>/</c> and its content-hashed files at <c>/assets/{file}</c>, from the copy
/// of <c>wwwroot</c> embedded in this assembly (so the test server, <c>dotnet run</c> and a published CLI all have it,
/// whatever their working folder). Public: the page asks for an API key and sends it with each API call itself.
/// </summary>
static class DashboardEndpoints
{
    /// <summary>The prefix of the embedded files' resource names (see <c>EmbedDashboard</c> in the project file).</summary>
    const string ResourcePrefix = "dashboard/";

    /// <summary>
    /// Scripts, styles, images and API calls from this origin only, no inline script or style, no plugins, not framed.
    /// The page builds its DOM with textContent and sets styles through CSSOM, which the policy allows.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public static void Map(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var files = DashboardFile.LoadAll(typeof(DashboardEndpoints).Assembly, ResourcePrefix);
        // index.html names the current hashed files, so it is revalidated on every visit; those files never change.
        app.MapGet("/", (HttpContext context) => Serve(context, files.GetValueOrDefault("index.html"), "no-cache"))
            .AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/assets/{file}", (string file, HttpContext context) =>
                Serve(context, files.GetValueOrDefault("assets/" + file), "public, max-age=31536000, immutable"))
            .AllowAnonymous().ExcludeFromDescription();
    }

    static IResult Serve(HttpContext context, DashboardFile? file, string cacheControl)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        if (file is null)
            return Results.Problem(context.Request.Path == "/" ? "this server was built without its dashboard (built with -p:ShopLensDashboard=false)" : "no such dashboard file",
                statusCode: StatusCodes.Status404NotFound, title: "not found");
        headers.CacheControl = cacheControl;
        headers.ETag = file.ETag;
        headers.Vary = HeaderNames.AcceptEncoding;
        if (context.Request.GetTypedHeaders().IfNoneMatch.Any(tag => tag.Tag == file.ETag)) return Results.StatusCode(StatusCodes.Status304NotModified);
        if (file.Compressible && context.Request.Headers.AcceptEncoding.Any(e => e?.Contains("gzip", StringComparison.OrdinalIgnoreCase) == true))
        {
            headers.ContentEncoding = "gzip";
            return Results.Bytes(file.Gzipped.Value, file.ContentType);
        }
        return Results.Bytes(file.Content, file.ContentType);
    }

    /// <summary>One embedded file of the built dashboard, with its type, entity tag and (made on first use) gzipped copy.</summary>
    sealed class DashboardFile
    {
        static readonly FileExtensionContentTypeProvider Types = new();

        DashboardFile(string name, byte[] content)
        {
            Content = content;
            ContentType = Types.TryGetContentType(name, out var type) ? type : "application/octet-stream";
            if (ContentType.StartsWith("text/", StringComparison.Ordinal) || ContentType.EndsWith("javascript", StringComparison.Ordinal) || ContentType.EndsWith("+xml", StringComparison.Ordinal))
            {
                Compressible = true;
                if (!ContentType.Contains("charset", StringComparison.Ordinal)) ContentType += "; charset=utf-8";
            }
            ETag = $"\"{Convert.ToHexStringLower(SHA256.HashData(content).AsSpan(0, 12))}\"";
            Gzipped = new(() => Gzip(content));
        }

        public byte[] Content { get; }

        public string ContentType { get; }

        public string ETag { get; }

        public bool Compressible { get; }

        public Lazy<byte[]> Gzipped { get; }

        /// <summary>Every file under <paramref name="prefix"/> in the assembly's resources, by path relative to it.</summary>
        public static FrozenDictionary<string, DashboardFile> LoadAll(Assembly assembly, string prefix)
        {
            var files = new Dictionary<string, DashboardFile>(StringComparer.Ordinal);
            foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
            {
                using var stream = assembly.GetManifestResourceStream(resource)!;
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                var name = resource[prefix.Length..].Replace('\\', '/');
                files[name] = new DashboardFile(name, copy.ToArray());
            }
            return files.ToFrozenDictionary(StringComparer.Ordinal);
        }

        static byte[] Gzip(byte[] content)
        {
            using var packed = new MemoryStream();
            using (var gzip = new GZipStream(packed, CompressionLevel.Optimal)) gzip.Write(content);
            return packed.ToArray();
        }
    }
}
