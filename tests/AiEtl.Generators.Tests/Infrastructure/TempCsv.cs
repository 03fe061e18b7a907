using AiEtl.Csv;

namespace AiEtl.Generators.Tests.Infrastructure;

/// <summary>Reads CSV text through the real <see cref="CsvSource{T}"/>, from a temporary file deleted afterwards.</summary>
internal static class TempCsv
{
    /// <summary>The rows <see cref="CsvSource{T}"/> reads from <paramref name="text"/>; bad rows go to <paramref name="errors"/>.</summary>
    public static async Task<List<T>> ReadAsync<T>(string text, ListErrorSink errors)
        where T : IEtlRecord<T>
    {
        var directory = Directory.CreateTempSubdirectory("aietl-csv-");
        try
        {
            var path = Path.Combine(directory.FullName, "input.csv");
            await File.WriteAllTextAsync(path, text, TestContext.Current.CancellationToken);
            var rows = new List<T>();
            await foreach (var batch in new CsvSource<T>(path).ReadAsync(new ReadContext(10, errors), TestContext.Current.CancellationToken))
            {
                rows.AddRange(batch.Rows.ToArray());
            }

            return rows;
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
