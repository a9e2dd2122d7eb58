using System.Globalization;
using ShopLens.Core.Synthetic;

namespace ShopLens.Core.Tests.Synthetic;

public sealed class CsvRowWriterTests
{
    static string Write(Action<CsvRowWriter> rows)
    {
        var path = Path.GetTempFileName();
        try
        {
            using (var w = new CsvRowWriter(path)) rows(w);
            return File.ReadAllText(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Fields_with_comma_quote_or_line_break_are_quoted_as_in_RFC_4180()
    {
        string[] values = ["plain", "质量很好，物流很快", "quality is poor, broke after a week", "my \"go-to\"", "two\nlines", "cr\rhere", ""];
        var text = Write(w =>
        {
            w.Header(["a", "b", "c", "d", "e", "f", "g"]);
            foreach (var v in values) w.Text(v);
            w.EndRow();
        });
        Assert.StartsWith("a,b,c,d,e,f,g\nplain,质量很好，物流很快,\"quality is poor, broke after a week\",\"my \"\"go-to\"\"\",\"two\nlines\",\"cr\rhere\",\n", text, StringComparison.Ordinal);
        var parsed = SyntheticCsv.Parse(text.Replace("\r", "", StringComparison.Ordinal));
        Assert.Equal(["plain", "质量很好，物流很快", "quality is poor, broke after a week", "my \"go-to\"", "two\nlines", "crhere", ""], parsed[1]);
    }

    [Fact]
    public void Numbers_ids_and_times_use_invariant_fixed_formats()
    {
        var text = Write(w =>
        {
            w.Id('E', 42, 9);
            w.Id('C', 1234567, 6);
            w.Hundredths(8900);
            w.Hundredths(5);
            w.Hundredths(-1234);
            w.Integer(-7);
            w.Real(0.000012345678);
            w.Real(2.5, 4);
            w.Empty();
            w.Boolean(true);
            w.EndRow();
        });
        Assert.Equal("E000000042,C1234567,89.00,0.05,-12.34,-7,0.00001235,2.5,,true\n", text);
    }

    [Fact]
    public void Times_match_DateTime_formatting_across_leap_years_and_centuries()
    {
        var rng = new Random(11);
        var seconds = new List<long> { 0, 951_782_400, 951_868_799, 4_107_542_400, 1_767_225_599 };
        for (var i = 0; i < 2000; i++) seconds.Add(rng.NextInt64(0, 253_402_300_799));
        var text = Write(w =>
        {
            foreach (var s in seconds)
            {
                w.Time(s);
                w.EndRow();
            }
        });
        var expected = string.Concat(seconds.Select(s =>
            DateTimeOffset.FromUnixTimeSeconds(s).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) + "\n"));
        Assert.Equal(expected, text);
    }
}
