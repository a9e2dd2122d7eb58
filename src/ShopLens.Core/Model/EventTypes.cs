using System.Text;

namespace ShopLens.Core.Model;

/// <summary>Canonical names of <see cref="EventType"/> (<c>view</c>, <c>remove_cart</c>, …) and their parsing.</summary>
public static class EventTypes
{
    public static readonly IReadOnlyList<EventType> All = Enum.GetValues<EventType>();

    public static string Name(EventType type) => type switch
    {
        EventType.View => "view",
        EventType.Click => "click",
        EventType.Search => "search",
        EventType.Favorite => "favorite",
        EventType.Cart => "cart",
        EventType.RemoveCart => "remove_cart",
        EventType.Purchase => "purchase",
        EventType.Refund => "refund",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unknown event type"),
    };

    /// <summary>Parses a canonical name, case-insensitively; a few common spellings are accepted too.</summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8, out EventType type)
    {
        Span<byte> lower = stackalloc byte[16];
        type = default;
        if (utf8.Length is 0 or > 16) return false;
        for (var i = 0; i < utf8.Length; i++)
        {
            var b = utf8[i];
            lower[i] = b is >= (byte)'A' and <= (byte)'Z' ? (byte)(b + 32) : b == (byte)'-' ? (byte)'_' : b;
        }
        ReadOnlySpan<byte> s = lower[..utf8.Length];
        if (s.SequenceEqual("view"u8)) type = EventType.View;
        else if (s.SequenceEqual("click"u8)) type = EventType.Click;
        else if (s.SequenceEqual("search"u8)) type = EventType.Search;
        else if (s.SequenceEqual("favorite"u8) || s.SequenceEqual("favourite"u8)) type = EventType.Favorite;
        else if (s.SequenceEqual("cart"u8) || s.SequenceEqual("add_to_cart"u8)) type = EventType.Cart;
        else if (s.SequenceEqual("remove_cart"u8) || s.SequenceEqual("remove_from_cart"u8)) type = EventType.RemoveCart;
        else if (s.SequenceEqual("purchase"u8)) type = EventType.Purchase;
        else if (s.SequenceEqual("refund"u8)) type = EventType.Refund;
        else return false;
        return true;
    }

    public static bool TryParse(string text, out EventType type) => TryParse(Encoding.UTF8.GetBytes(text), out type);
}
