// A write process for the crash-safety test: it commits batches to a file destination, says so on
// stdout, then waits to be killed before the run completes. The test checks the target afterwards.
using AiEtl;
using AiEtl.Csv;
using AiEtl.Json;

if (args.Length != 3)
{
    Console.Error.WriteLine("usage: AiEtl.CrashWriter <csv|json> <target> <replace|append>");
    return 2;
}

var schema = new Schema("crash", [new Field("id", FieldType.Integer) { IsNullable = false }, new Field("text", FieldType.String)]);
var codec = new RecordCodec(schema, new RecordMetadata("crash", "crash"));
var mode = args[2] == "append" ? WriteMode.Append : WriteMode.Replace;
IDestination<Record> destination = args[0] == "csv"
    ? new CsvDestination<Record, RecordCodec>(new CsvDestinationOptions(args[1]) { WriteMode = mode }, codec)
    : new JsonDestination<Record, RecordCodec>(new JsonDestinationOptions(args[1]) { WriteMode = mode }, codec);

await destination.ConnectAsync();
await destination.CreateSchemaAsync(schema);
for (var batch = 0; batch < 20; batch++)
{
    var rows = Enumerable.Range(batch * 1000, 1000)
        .Select(i => new Record(new Dictionary<string, object?> { ["id"] = (long)i, ["text"] = $"row {i}" }, new RecordMetadata("crash", "crash")))
        .ToArray();
    await destination.BeginTransactionAsync();
    await destination.WriteAsync(rows);
    await destination.CommitAsync();
}

Console.WriteLine("committed");
Console.Out.Flush();
await Task.Delay(Timeout.Infinite);
return 0;
