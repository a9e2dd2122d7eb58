namespace ShopLens.Insight.Segments.Rules;

/// <summary>
/// Tag rules in order, and the tag of customers no rule matches. The first rule whose condition holds gives a
/// customer its tag, so a customer has exactly one; order rules from the most specific to the most general.
/// </summary>
public sealed class RuleSet
{
    /// <summary>The tag of unmatched customers when the file names none.</summary>
    public const string UntaggedName = "untagged";

    RuleSet(IReadOnlyList<TagRule> rules, string defaultTag)
    {
        Rules = rules;
        DefaultTag = defaultTag;
    }

    public IReadOnlyList<TagRule> Rules { get; }

    public string DefaultTag { get; }

    /// <summary>Reads a rules file (<see cref="Parse"/>); a missing file is an <see cref="IOException"/>.</summary>
    public static RuleSet Load(string path, RuleColumns? columns = null)
    {
        if (!File.Exists(path)) throw new IOException($"{path}: no such rules file");
        return Parse(File.ReadAllText(path), path, columns);
    }

    /// <summary>
    /// Parses rules from JSON or YAML text, the format chosen by <paramref name="source"/>'s extension, which error
    /// messages also name. Conditions are checked against <paramref name="columns"/> (default: the customer profile's).
    /// </summary>
    public static RuleSet Parse(string text, string source, RuleColumns? columns = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(source);
        var (rules, defaultTag) = RuleFile.Read(text, source);
        return Build(rules, defaultTag ?? UntaggedName, columns ?? RuleColumns.Profile, source);
    }

    /// <summary>Rules given in code, checked as a file's are.</summary>
    public static RuleSet Create(IEnumerable<(string Name, string When)> rules, string defaultTag = UntaggedName, RuleColumns? columns = null)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return Build([.. rules.Select(r => new RawRule(r.Name, r.When))], defaultTag, columns ?? RuleColumns.Profile, "rules");
    }

    static RuleSet Build(IReadOnlyList<RawRule> raw, string defaultTag, RuleColumns columns, string source)
    {
        if (raw.Count == 0) throw new RuleParseException($"{source}: no rules");
        if (string.IsNullOrWhiteSpace(defaultTag)) throw new RuleParseException($"{source}: the default tag is empty");
        var rules = new List<TagRule>();
        for (var i = 0; i < raw.Count; i++)
        {
            var (name, when) = raw[i];
            var where = $"{source}: rule {i + 1}";
            if (string.IsNullOrWhiteSpace(name)) throw new RuleParseException($"{where}: the name is empty");
            var earlier = rules.FindIndex(r => r.Name == name);
            if (earlier >= 0) throw new RuleParseException($"{where}: the name \"{name}\" is already rule {earlier + 1}'s; join their conditions with 'or'");
            if (name == defaultTag) throw new RuleParseException($"{where}: \"{name}\" is also the default tag");
            try
            {
                rules.Add(new TagRule(name, RuleExpression.Parse(when, columns)));
            }
            catch (RuleParseException e)
            {
                throw new RuleParseException($"{where} \"{name}\": {e.Message}", e.Position);
            }
        }
        return new RuleSet(rules, defaultTag);
    }
}
