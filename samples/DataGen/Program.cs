using System.Diagnostics;
using System.Globalization;
using AiEtl.Samples.DataGen;

const string Usage = """
    Writes the sample customer CSV deterministically (same arguments => same bytes).

    usage: dotnet run --project samples/DataGen -- --rows N --out PATH [--seed S]

      --rows N    data rows to write, header not counted (default 10000)
      --out PATH  file to write; folders are created; written to PATH.tmp and then renamed
      --seed S    unsigned 64-bit seed (default 42)
    """;

long rows = 10_000;
ulong seed = 42;
string? outPath = null;

for (var i = 0; i < args.Length; i++)
{
    var arg = args[i];
    if (arg is "-h" or "--help")
    {
        Console.Out.WriteLine(Usage);
        return 0;
    }

    if (i + 1 >= args.Length)
    {
        return Fail($"missing value after {arg}");
    }

    var value = args[++i];
    switch (arg)
    {
        case "--rows" when long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n):
            rows = n;
            break;
        case "--seed" when ulong.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var s):
            seed = s;
            break;
        case "--out":
            outPath = value;
            break;
        case "--rows" or "--seed":
            return Fail($"{arg} expects a non-negative integer, got '{value}'");
        default:
            return Fail($"unknown option {arg}");
    }
}

if (string.IsNullOrWhiteSpace(outPath))
{
    return Fail("--out PATH is required");
}

var fullPath = Path.GetFullPath(outPath);
Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
var tempPath = fullPath + ".tmp";
var stopwatch = Stopwatch.StartNew();
long bytes;

try
{
    using (var stream = new FileStream(tempPath, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1, FileOptions.SequentialScan))
    using (var writer = new Utf8CsvWriter(stream))
    {
        var generator = new CustomerGenerator(seed);
        CustomerGenerator.WriteHeader(writer);
        for (long row = 0; row < rows; row++)
        {
            generator.WriteRow(writer);
        }

        writer.Flush();
        bytes = writer.BytesWritten;
    }

    File.Move(tempPath, fullPath, overwrite: true);
}
finally
{
    // Never leave a half-written file behind: PATH appears only when it is complete.
    File.Delete(tempPath);
}
Console.Error.WriteLine(string.Create(
    CultureInfo.InvariantCulture,
    $"DataGen: wrote {rows:N0} rows ({bytes:N0} bytes, seed {seed}) to {outPath} in {stopwatch.Elapsed.TotalSeconds:F2} s"));
return 0;

static int Fail(string message)
{
    Console.Error.WriteLine($"DataGen: {message}");
    Console.Error.WriteLine(Usage);
    return 2;
}
