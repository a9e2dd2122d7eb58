namespace ShopLens.Learning;

/// <summary>
/// Training or scoring input a learner cannot use: no rows, a shape that does not fit, a label out of range, a value
/// that is not finite where one must be. The message names the input, the row and the column.
/// </summary>
public sealed class LearnerInputException : ArgumentException
{
    public LearnerInputException(string message) : base(message) { }

    public LearnerInputException(string message, Exception inner) : base(message, inner) { }

    public LearnerInputException() { }
}
