using Prow.Silo.Adapters.GitHub;

namespace Prow.Silo.Tests.Adapters.GitHub;

public sealed class ResponseCacheTests
{
    private static CachedResponse Entry(string etag) => new(etag, [], [], []);

    [Fact]
    public void Set_OverCapacity_DropsLeastRecentlyUsed()
    {
        var cache = new ResponseCache(2);
        cache.Set("a", Entry("1"));
        cache.Set("b", Entry("2"));
        Assert.NotNull(cache.Get("a")); // a is now more recent than b
        cache.Set("c", Entry("3"));
        Assert.Equal((2, "1", null, "3"), (cache.Count, cache.Get("a")?.ETag, cache.Get("b")?.ETag, cache.Get("c")?.ETag));
    }

    [Fact]
    public void Set_ZeroCapacity_KeepsNothing()
    {
        var cache = new ResponseCache(0);
        cache.Set("a", Entry("1"));
        Assert.Null(cache.Get("a"));
    }
}
