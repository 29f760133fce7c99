using Gongkai.Model;
using Gongkai.Reading;
using Gongkai.Recognition.Narrative;
using Gongkai.Tests.Support;

namespace Gongkai.Tests.Narrative;

/// <summary>Reads and recognizes a seed's narrative once per test class.</summary>
public static class NarrativeSeeds
{
    private static readonly Dictionary<string, Disclosure> _cache = new();

    public static Disclosure Load(string seed)
    {
        lock (_cache)
        {
            if (_cache.TryGetValue(seed, out var d)) return d;
            var doc = new DocumentReader().Read(Shared.Seed(seed));
            d = new Disclosure { File = doc.File };
            NarrativeRecognizer.Recognize(doc, d);
            _cache[seed] = d;
            return d;
        }
    }

    /// <summary>Claims whose sentence starts on a line in [from, to].</summary>
    public static List<Claim> Between(this Disclosure d, int from, int to) =>
        d.Claims.Where(c => c.Source.Line is int l && l >= from && l <= to).ToList();
}
