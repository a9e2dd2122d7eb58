namespace ShopLens.Learning.Sequence;

/// <summary>
/// A stretch of one sequence to read: events <see cref="From"/> … <see cref="To"/> − 1 are inputs (each position's
/// target is the event after it), and the intent label may look ahead up to event <see cref="End"/> − 1 (the last
/// usable one) as long as the horizon ends by <see cref="ObservedUntil"/>.
/// </summary>
readonly record struct SequenceWindow(int Sequence, int From, int To, int End, long ObservedUntil);
