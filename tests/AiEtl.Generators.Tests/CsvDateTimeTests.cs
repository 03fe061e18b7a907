using System.Globalization;
using AiEtl.Generators.Tests.Infrastructure;
using AiEtl.Generators.Tests.Records;

namespace AiEtl.Generators.Tests;

/// <summary>
/// The CSV reader parses the common ISO-8601 shapes on a fast path; every shape must read exactly as the general
/// .NET parsers read it (value, kind and offset), whether it takes the fast path or falls back.
/// </summary>
public sealed class CsvDateTimeTests
{
    [Theory]
    [InlineData("2024-04-18T06:24:13Z")]
    [InlineData("2024-04-18T06:24:13")]
    [InlineData("2024-04-18 06:24:13")]
    [InlineData("2024-04-18T06:24:13.1234567Z")]
    [InlineData("2024-04-18T06:24:13.5")]
    [InlineData("2024-04-18T06:24:13+02:00")]
    [InlineData("2024-04-18T06:24:13.25-09:30")]
    [InlineData("2024-02-29T23:59:59.9999999+14:00")]
    [InlineData("0001-01-01T00:00:00Z")]
    [InlineData("9999-12-31T23:59:59.9999999Z")]
    [InlineData("0001-01-01T00:30:00-01:00")]
    [InlineData("2024-04-18")]
    [InlineData(" 2024-04-18T06:24:13Z ")]
    [InlineData("2024-04-18T06:24")]
    [InlineData("18 April 2024 06:24:13")]
    public async Task Date_times_read_as_the_general_parser_reads_them(string text)
    {
        var expectedWhen = DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AdjustToUniversal);
        var expectedInstant = DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal);

        var row = await ReadOne($"1,{CsvTestWriter.Quote(text)},{CsvTestWriter.Quote(text)},00:00");

        Assert.Equal((expectedWhen, expectedWhen.Kind), (row.When, row.When.Kind));
        Assert.Equal((expectedInstant, expectedInstant.Offset), (row.Instant, row.Instant.Offset));
    }

    [Theory]
    [InlineData("00:00")]
    [InlineData("23:59")]
    [InlineData("06:24:13")]
    [InlineData("06:24:13.1")]
    [InlineData("23:59:59.9999999")]
    [InlineData(" 06:24:13 ")]
    [InlineData("6:24")]
    [InlineData("6:24 PM")]
    public async Task Times_read_as_the_general_parser_reads_them(string text)
    {
        var expected = TimeOnly.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces);

        var row = await ReadOne($"1,2024-01-01,2024-01-01,{CsvTestWriter.Quote(text)}");

        Assert.Equal(expected, row.Time);
    }

    [Theory]
    [InlineData("2024-13-01T00:00:00Z")]
    [InlineData("2024-04-18T24:00:00Z")]
    [InlineData("2024-04-18T06:60:00Z")]
    [InlineData("2024-04-18T06:24:13+15:00")]
    public async Task Invalid_date_times_are_row_errors(string text)
    {
        var errors = new ListErrorSink();

        var rows = await Read($"1,{text},2024-01-01,00:00", errors);

        Assert.Empty(rows);
        Assert.Contains("is not an ISO-8601 date-time", Assert.Single(errors.Errors).Message, StringComparison.Ordinal);
    }

    private static async Task<Timestamps> ReadOne(string line)
    {
        var errors = new ListErrorSink();
        var rows = await Read(line, errors);
        Assert.True(errors.Errors.Count == 0, string.Join("\n", errors.Errors.Select(error => error.FullMessage)));
        return Assert.Single(rows);
    }

    private static Task<List<Timestamps>> Read(string line, ListErrorSink errors) =>
        TempCsv.ReadAsync<Timestamps>("id,when,instant,time\r\n" + line + "\r\n", errors);
}
