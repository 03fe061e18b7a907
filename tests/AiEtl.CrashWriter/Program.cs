// A write process for the crash-safety tests, killed by them mid-write:
//   <csv|json> <target> <replace|append>  commits batches to a file destination, says "committed" on stdout, then
//                                          waits to be killed before the run completes;
//   deadletters <target> <pipeline>        appends 5,000 dead-letter entries of about 5 KB (each more than the old
//                                          writer's 4 KB buffer, so an entry written in pieces would show), saying
//                                          "writing" after the first, then waits to be killed;
//   load <destination> <mode> ...          the kill harness's consumer (LoadCommand.cs), run to completion or killed
//                                          at a named instant.
// The tests check the target afterwards.
using AiEtl;
using AiEtl.CrashWriter;
using AiEtl.Csv;
using AiEtl.Internal;
using AiEtl.Json;

if (args.Length > 0 && args[0] == "load")
{
    return await LoadCommand.RunAsync(args);
}

if (args.Length != 3)
{
    Console.Error.WriteLine($"usage: AiEtl.CrashWriter <csv|json> <target> <replace|append> | deadletters <target> <pipeline> | {LoadCommand.Usage}");
    return 2;
}

if (args[0] == "deadletters")
{
    await using var deadLetters = new DeadLetterWriter(args[1], args[2]);
    for (var entry = 0; entry < 5_000; entry++)
    {
        deadLetters.Write(new RowError(PipelineStage.Extract, $"bad row {entry}") { RawInput = new string('x', 5_000 + entry % 977) }, DateTimeOffset.UnixEpoch);
        if (entry == 0)
        {
            Console.WriteLine("writing");
            Console.Out.Flush();
        }
    }

    await Task.Delay(Timeout.Infinite);
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
