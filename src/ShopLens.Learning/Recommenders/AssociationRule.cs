namespace ShopLens.Learning.Recommenders;

/// <summary>
/// "Baskets with <paramref name="Antecedent"/> also have <paramref name="Consequent"/>", measured as mlxtend measures
/// it: <paramref name="Baskets"/> = n(A ∧ B), support n(A ∧ B) / N, confidence n(A ∧ B) / n(A), lift confidence / (n(B) / N).
/// </summary>
public sealed record AssociationRule(int Antecedent, int Consequent, int Baskets, double Support, double Confidence, double Lift);
