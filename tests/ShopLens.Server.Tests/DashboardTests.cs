using System.Net;
using System.Text.RegularExpressions;

namespace ShopLens.Server.Tests;

/// <summary>The dashboard's files over HTTP: public, embedded in the server, a strict content policy, hashed files cached for good.</summary>
[Trait("Issue", "7")]
public sealed partial class DashboardTests
{
    [Fact]
    public async Task The_page_and_its_files_are_public_with_a_strict_policy_and_hashed_files_cached_for_good()
    {
        using var shop = new ServedShop();
        var anonymous = shop.Client(null);
        var page = await anonymous.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-cache", page.Headers.CacheControl?.ToString());
        var policy = page.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("default-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());

        var html = await page.Content.ReadAsStringAsync();
        // No inline script: every script is a file from assets/, and nothing comes from another host.
        Assert.DoesNotMatch(InlineScript(), html);
        Assert.DoesNotContain("http", html.Replace("http-equiv", "", StringComparison.Ordinal), StringComparison.Ordinal);
        var assets = AssetPath().Matches(html).Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.Contains(assets, a => a.EndsWith(".js", StringComparison.Ordinal));
        Assert.Contains(assets, a => a.EndsWith(".css", StringComparison.Ordinal));
        foreach (var asset in assets)
        {
            var file = await anonymous.GetAsync("/" + asset);
            Assert.True(file.StatusCode == HttpStatusCode.OK, $"{asset}: {(int)file.StatusCode}");
            var cache = file.Headers.CacheControl!;
            Assert.True(cache.Public && cache.MaxAge == TimeSpan.FromDays(365) && cache.Extensions.Any(e => e.Name == "immutable"), $"{asset}: Cache-Control {cache}");
            var again = new HttpRequestMessage(HttpMethod.Get, "/" + asset);
            again.Headers.IfNoneMatch.Add(file.Headers.ETag!);
            Assert.Equal(HttpStatusCode.NotModified, (await anonymous.SendAsync(again)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/assets/missing-123.js")).StatusCode);
        // The API stays closed to the page's anonymous visitor.
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/v1/overview")).StatusCode);
    }

    [Fact]
    public async Task Scripts_are_sent_gzipped_to_browsers_that_accept_it()
    {
        using var shop = new ServedShop();
        var html = await shop.Client(null).GetStringAsync("/");
        var script = AssetPath().Matches(html).Select(m => m.Groups[1].Value).First(a => a.EndsWith(".js", StringComparison.Ordinal));
        var plain = await shop.Client(null).GetByteArrayAsync("/" + script);
        var request = new HttpRequestMessage(HttpMethod.Get, "/" + script);
        request.Headers.AcceptEncoding.ParseAdd("gzip, br");
        var packed = await shop.Client(null).SendAsync(request);
        Assert.Equal("gzip", packed.Content.Headers.ContentEncoding.Single());
        using var unpacked = new MemoryStream();
        await using (var gzip = new System.IO.Compression.GZipStream(await packed.Content.ReadAsStreamAsync(), System.IO.Compression.CompressionMode.Decompress))
            await gzip.CopyToAsync(unpacked);
        Assert.Equal(plain, unpacked.ToArray());
        Assert.True(packed.Content.Headers.ContentLength < plain.Length / 2, $"{packed.Content.Headers.ContentLength} of {plain.Length} bytes");
    }

    [GeneratedRegex(@"<script(?![^>]*\ssrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex(@"(?:src|href)=""\./(assets/[^""]+)""")]
    private static partial Regex AssetPath();
}
