namespace ShopLens.Server.Live;

/// <summary>A customer's own record: personal fields that analysts do not see (<see cref="Access.Roles"/>).</summary>
public sealed record CustomerFacts(string CustomerId, DateTime? FirstSeen, string? Region, string? Channel, string? AgeBand);
