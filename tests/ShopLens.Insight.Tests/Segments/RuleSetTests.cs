using ShopLens.Insight.Segments.Rules;

namespace ShopLens.Insight.Tests.Segments;

/// <summary>Rule files in JSON and YAML, and the exact message for each kind of bad file.</summary>
[Trait("Issue", "3")]
public sealed class RuleSetTests
{
    const string JsonList = """
        [
          {"name": "high value, lapsing", "when": "recency_days > 60 and monetary > 500"},
          {"name": "browsers", "when": "orders = 0"}
        ]
        """;

    const string YamlObject = """
        # tags for the spring campaign
        default: everyone else
        rules:
          - name: high value, lapsing
            when: recency_days > 60 and monetary > 500
          - name: browsers
            when: "orders = 0"
        """;

    [Fact]
    public void Json_and_yaml_give_the_same_rules_in_order()
    {
        var json = RuleSet.Parse(JsonList, "rules.json");
        var yaml = RuleSet.Parse(YamlObject, "rules.yaml");
        Assert.Equal(["high value, lapsing", "browsers"], json.Rules.Select(r => r.Name));
        Assert.Equal(json.Rules.Select(r => (r.Name, r.When.Text, r.When.Sql)), yaml.Rules.Select(r => (r.Name, r.When.Text, r.When.Sql)));
        Assert.Equal(RuleSet.UntaggedName, json.DefaultTag);
        Assert.Equal("everyone else", yaml.DefaultTag);
        Assert.Equal("(coalesce(recency_days > 60, FALSE) AND coalesce(monetary > 500, FALSE))", json.Rules[0].When.Sql);
        var jsonObject = RuleSet.Parse("""{"default": "rest", "rules": [{"when": "orders > 1", "name": "repeat"}],}""", "r.json");
        Assert.Equal(("rest", "repeat"), (jsonObject.DefaultTag, jsonObject.Rules.Single().Name));
        var yamlList = RuleSet.Parse("- {name: repeat, when: orders > 1}\n", "r.yml");
        Assert.Equal("coalesce(orders > 1, FALSE)", yamlList.Rules.Single().When.Sql);
    }

    [Theory]
    [InlineData("rules.json", """[{"name": "a", "when": }]""", "rules.json: line 1, column 24: not valid JSON ('}' is an invalid start of a value.)")]
    [InlineData("rules.json", " \n", "rules.json: the file is empty")]
    [InlineData("rules.yaml", "# nothing here\n", "rules.yaml: the file holds 0 YAML documents; put every rule in one")]
    [InlineData("rules.yaml", "rules:\n  - name: a\n   when: b\n", "rules.yaml: line 3, column 4: not valid YAML (While parsing a block collection, did not find expected '-' indicator.)")]
    [InlineData("rules.yaml", "", "rules.yaml: the file is empty")]
    [InlineData("rules.yaml", "- {name: a, when: orders > 1}\n---\n- {name: b, when: orders > 2}\n", "rules.yaml: the file holds 2 YAML documents; put every rule in one")]
    [InlineData("rules.yaml", "- name: a\n  when: x\n  when: y\n", "rules.yaml: line 3, column 3: not valid YAML (Duplicate key when)")]
    [InlineData("rules.json", """[{"name": "a"}]""", "rules.json: rule 1 \"a\": no 'when'")]
    [InlineData("rules.json", """[{"when": "orders > 1"}]""", "rules.json: rule 1: no 'name'")]
    [InlineData("rules.json", """[{"name": "a", "wen": "orders > 1"}]""", "rules.json: rule 1: unknown key 'wen'; a rule has 'name' and 'when'")]
    [InlineData("rules.json", """[{"name": "a", "when": "orders > 1", "when": "orders > 2"}]""", "rules.json: the key 'when' appears twice in one object")]
    [InlineData("rules.json", """["orders > 1"]""", "rules.json: rule 1: expected an object with 'name' and 'when'")]
    [InlineData("rules.json", """[{"name": ["a"], "when": "orders > 1"}]""", "rules.json: rule 1: 'name' must be text, not a list or object")]
    [InlineData("rules.json", "[]", "rules.json: no rules")]
    [InlineData("rules.json", "42", "rules.json: expected a list of rules, or an object with a 'rules' list")]
    [InlineData("rules.json", """{"rule": []}""", "rules.json: unknown key 'rule' at the top; expected 'rules' and optionally 'default'")]
    [InlineData("rules.json", """{"default": "x"}""", "rules.json: no 'rules' list")]
    [InlineData("rules.json", """{"default": "", "rules": [{"name": "a", "when": "orders > 1"}]}""", "rules.json: the default tag is empty")]
    [InlineData("rules.json", """[{"name": " ", "when": "orders > 1"}]""", "rules.json: rule 1: the name is empty")]
    [InlineData("rules.json", """[{"name": "a", "when": "orders > 1"}, {"name": "a", "when": "orders = 0"}]""",
        "rules.json: rule 2: the name \"a\" is already rule 1's; join their conditions with 'or'")]
    [InlineData("rules.json", """{"default": "a", "rules": [{"name": "a", "when": "orders > 1"}]}""", "rules.json: rule 1: \"a\" is also the default tag")]
    [InlineData("rules.yaml", "- name: ok\n  when: orders > 1\n- name: lapsing\n  when: recency_days > 60 and monetery > 500\n",
        "rules.yaml: rule 2 \"lapsing\": unknown column 'monetery' at character 23 of \"recency_days > 60 and monetery > 500\"; did you mean 'monetary'?")]
    [InlineData("rules.yaml", "- name: empty\n  when:\n", "rules.yaml: rule 1 \"empty\": the condition is empty")]
    [InlineData("rules.txt", "[]", "rules.txt: rules are read from .json, .yaml or .yml files")]
    public void Bad_files_get_one_clear_line(string source, string text, string message)
    {
        var e = Assert.Throws<RuleParseException>(() => RuleSet.Parse(text, source));
        Assert.Equal(message, e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void A_bad_condition_keeps_its_character_position()
    {
        var e = Assert.Throws<RuleParseException>(() => RuleSet.Parse("""[{"name": "x", "when": "orders >"}]""", "r.json"));
        Assert.Equal(9, e.Position);
        Assert.Equal("r.json: rule 1 \"x\": expected a column, number or string after '>' but found the end at character 9 of \"orders >\"", e.Message);
    }

    [Fact]
    public void The_examples_in_the_docs_parse()
    {
        var doc = File.ReadAllText(SegmentShop.RepositoryFile("docs/segments.md"));
        static string Block(string doc, string language)
        {
            var start = doc.IndexOf($"```{language}\n", StringComparison.Ordinal) + language.Length + 4;
            return doc[start..doc.IndexOf("```", start, StringComparison.Ordinal)];
        }
        var yaml = RuleSet.Parse(Block(doc, "yaml"), "tags.yaml");
        Assert.Equal(("everyone else", 4), (yaml.DefaultTag, yaml.Rules.Count));
        Assert.Equal("coalesce(first_seen >= TIMESTAMP '2025-01-01 00:00:00.000000', FALSE)", yaml.Rules[3].When.Sql);
        var json = RuleSet.Parse(Block(doc, "json"), "tags.json");
        Assert.Equal(yaml.Rules[0].When.Sql, json.Rules.Single().When.Sql);
    }

    [Fact]
    public void A_missing_file_is_an_io_error()
    {
        var path = Path.Combine(Path.GetTempPath(), "no-such-shoplens-rules.yaml");
        Assert.Equal($"{path}: no such rules file", Assert.Throws<IOException>(() => RuleSet.Load(path)).Message);
    }

    [Fact]
    public void Rules_in_code_are_checked_like_a_file()
    {
        var set = RuleSet.Create([("repeat", "orders > 1")], "rest");
        Assert.Equal("rest", set.DefaultTag);
        Assert.Equal("rules: rule 1 \"repeat\": unknown column 'order' at character 1 of \"order > 1\"; did you mean 'orders'?",
            Assert.Throws<RuleParseException>(() => RuleSet.Create([("repeat", "order > 1")])).Message);
    }

    [Fact]
    public void Mangled_files_never_crash_the_reader()
    {
        // Random single-character edits of good files: each either reads or fails with a RuleParseException.
        var random = new Random(5);
        var (read, failed) = (0, 0);
        foreach (var (good, source) in new[] { (JsonList, "r.json"), (YamlObject, "r.yaml") })
        {
            for (var n = 0; n < 200; n++)
            {
                var text = good;
                for (var edits = random.Next(1, 4); edits > 0; edits--)
                {
                    var at = random.Next(text.Length);
                    text = random.Next(2) == 0 ? text.Remove(at, 1) : text.Insert(at, "[]{}:,-\"'# \n&*!|>"[random.Next(17)].ToString());
                }
                try
                {
                    RuleSet.Parse(text, source);
                    read++;
                }
                catch (RuleParseException)
                {
                    failed++;
                }
            }
        }
        Assert.True(read > 0 && failed > 0, $"{read} read and {failed} failed: the fuzz should exercise both");
    }
}
