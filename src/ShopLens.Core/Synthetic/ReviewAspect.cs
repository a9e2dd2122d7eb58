namespace ShopLens.Core.Synthetic;

/// <summary>
/// Something a review can be about — battery life, sizing, a smell — with the word that names it in each language
/// and two complaints and two praises that use it. Products are planted with one aspect customers complain about and
/// another they praise (truth_products.csv), so the review themes ShopLens finds can be checked against them.
/// </summary>
sealed record ReviewAspect(string Name, string ChineseWord, string EnglishWord, string[] ChineseComplaints, string[] EnglishComplaints,
    string[] ChinesePraise, string[] EnglishPraise);
