using System.Collections.Generic;
using System.Globalization;
using System.Text;
using AiEtl.Configuration.Diagnostics;

namespace AiEtl.Configuration.Catalog;

/// <summary>
/// Writes <c>docs/configuration.md</c> from the key catalog: every key once, with its type, range, default and meaning,
/// so the reference cannot drift from the validator (a test compares the file with this text).
/// </summary>
public static class ConfigurationReference
{
    /// <summary>The Markdown text of the reference page.</summary>
    public static string Generate()
    {
        var md = new StringBuilder();
        md.Append("# Pipeline configuration\n\n");
        md.Append("<!-- Generated from the key catalog of src/AiEtl.Configuration by ConfigurationReference.Generate(); do not edit by hand.\n");
        md.Append("     After changing the catalog, run the tests of AiEtl.Configuration.Tests with AIETL_ACCEPT_SNAPSHOTS=1 to rewrite this file. -->\n\n");
        md.Append(Intro);
        Section(md, "pipeline", PipelineCatalog.Pipeline);
        Adapters(md, "Sources", "pipeline.source.config", AdapterCatalog.Sources);
        Adapters(md, "Destinations", "pipeline.destination.config", AdapterCatalog.Destinations);
        Adapters(md, "Transforms", "pipeline.transforms[].config", AdapterCatalog.Transforms);
        EnvironmentDefaults(md);
        DiagnosticsList(md);
        return md.ToString();
    }

    private const string Intro =
        "A pipeline file is the seed's YAML: everything sits under `pipeline:`. `aietl validate` checks a file and\n" +
        "`aietl run` runs it; the compile-time generator reads the same model. Every problem is reported at once, as\n" +
        "`file(line,col): error AIETL1nnn: key.path: message`, with a \"did you mean\" for misspelt keys and values.\n" +
        "Editors with a YAML language server complete and check keys with the JSON Schema\n" +
        "[`docs/schema/aietl-pipeline.schema.json`](schema/aietl-pipeline.schema.json), generated from the same catalog:\n" +
        "start a file with `# yaml-language-server: $schema=<path to that file>`.\n\n" +
        "## Placeholders and the environment\n\n" +
        "- `${NAME}` and `${NAME:-default}` inside any value are replaced after parsing (keys are never replaced); the\n" +
        "  default applies when the variable is unset or empty. `$${` stands for a literal `${`.\n" +
        "- Variables come from the process environment first, then from the `.env` file beside the pipeline file (or the\n" +
        "  one named by `aietl run --env-file`): as in docker compose, a variable exported in the shell wins over the file.\n" +
        "- A variable that is unset, with no default, is an error (AIETL1013) at the placeholder, naming the variable and\n" +
        "  never a value. A password or connection-string password written as a literal is a warning (AIETL1014).\n" +
        "- The seed's environment configuration supplies keys that the file leaves out (table below).\n" +
        "- Relative paths (`path`, `state_file`, `schema_file`, `dead_letter_queue`) are relative to the pipeline file's folder.\n\n" +
        "## Running a pipeline: `aietl`\n\n" +
        "The tool installs with `dotnet tool install --global AiEtl.Typed.Cli` (from the folder `scripts/pack.sh` packs\n" +
        "into, with `--add-source`): on linux-x64 that is the Native AOT executable, elsewhere the framework-dependent tool\n" +
        "(`AiEtl.Typed.Cli.any`); the commands and exit codes are the same.\n\n" +
        "| command | what it does |\n|---|---|\n" +
        "| `aietl validate <file\\|dir>` | prints every diagnostic of each `*.yaml`/`*.yml` file as a compiler line; exit 2 when there is an error |\n" +
        "| `aietl run <file> [--dry-run] [--full-refresh] [--env-file F] [--set key.path=value] [--output text\\|json]` | validates, binds and runs the pipeline, progress on standard error (below), a summary (or one JSON object) on standard output |\n" +
        "| `aietl schema infer <csv or json file> [--output yaml\\|json]` | the inferred schema with its confidences, as YAML to paste under `pipeline.source`, or JSON Schema |\n" +
        "| `aietl scan <csv\\|json\\|jsonl file\\|pipeline> [--output text\\|json\\|yaml]` | the columns that hold sensitive data, with kind, score and evidence, of a file or of a pipeline's csv, json, jsonl, sqlite or postgres source (a JSON value nested in an object or array is the column of its path: `contact.email`, `orders[].card`, `tags[]`); `yaml` is the schema (the pipeline's declared one when it declares it, else the inferred one) with `sensitive:` on those columns, to paste under `pipeline.source` so their values are masked (a JSON field with sensitive values nested in it gets `sensitive_paths:` for them, the rest of its JSON readable) |\n" +
        "| `... [--assist\\|--assist-prompt] [--map-to pipeline]` (on `schema infer`; `--assist` on `scan` too) | optional: a language model's suggestions for the unsure columns (only with `OPENAI_API_KEY`; a small masked sample), or the prompt it would send, as comments, never applied; `--map-to` pairs the file's columns with the fields the pipeline's source declares (docs/inference.md) |\n" +
        "| `aietl state show\\|clear <file>` | the pipeline's saved incremental state; clear also removes the checkpoint a database or file destination keeps, so the next run reads the source from its start |\n" +
        "| `aietl dlq show <file> [--output text\\|json] [--limit N]` | the pipeline's dead-lettered rows: counts by stage and reason, then each entry's location, stage, reason and key |\n" +
        "| `aietl dlq replay <file> [--dry-run] [--output text\\|json]` | sends the dead-lettered rows through the pipeline's transforms and destination again; those that load leave the file |\n" +
        "| `aietl init <csv file> [--out F]` | a commented starter pipeline (CSV -> SQLite) with the inferred schema |\n\n" +
        "Exit codes: `0` success, `1` the run failed, `2` the configuration is invalid (nothing ran), `64` the command line is\n" +
        "wrong (an unknown command or option), `130` cancelled by\n" +
        "Ctrl+C (SIGINT) or SIGTERM, which roll back the open transaction and keep the committed batches and their checkpoint.\n" +
        "`--set` overrides one key before validation, with the same checks as the file (`--set pipeline.execution.batch_size=500`).\n\n" +
        "Progress of `aietl run`: on a terminal (standard output and error not redirected, `TERM` not `dumb`, `--output text`)\n" +
        "one status line is redrawn in place: the percent, a bar and the ETA when the source's size is known (a plain file),\n" +
        "the rows read, transformed and loaded, the failed rows and the rate, at most 8 times a second and only when the\n" +
        "engine reports (after a commit), never per row; `NO_COLOR` turns its colors off, and a narrow terminal gets a compact\n" +
        "form. Otherwise (redirected, CI, `--output json`) a plain line every `monitoring.progress_interval_seconds` and one at\n" +
        "the end. The summary table follows either. The line is drawn by the tool itself (carriage return, erase line) rather\n" +
        "than by Spectre.Console's live display, which redraws a region from a thread of its own and assumes it owns the\n" +
        "terminal, while the engine reports from its load thread and the logger writes to the same stream.\n" +
        "\n" +
        "### Dead-lettered rows: `aietl dlq`\n" +
        "\n" +
        "`aietl dlq show` reads `error_handling.dead_letter_queue` (else `.errors/<pipeline>/dlq.jsonl` under the working\n" +
        "directory); no file is \"no dead-lettered rows\", exit 0. `aietl dlq replay`, once the cause is fixed in the file\n" +
        "(a column declared `integer` that holds text declared `string`, a constraint relaxed), sends the entries' rows\n" +
        "through the pipeline's transforms and destination, bound as `aietl run` binds them (`--env-file` and `--set` too),\n" +
        "and rewrites the file:\n" +
        "\n" +
        "- Rows that load (or that a transform drops, as a run would) are removed; rows that fail again stay, with the new\n" +
        "  reason and `replay_stage`, `replayed_at`; their stage, location, row and `entry_id` are kept, so they replay the same\n" +
        "  way and a run that rejects the same input again does not add them twice.\n" +
        "- An extract entry's raw line is parsed again with the source's reader and options (CSV with the source file's\n" +
        "  header, delimiter, null values and formats; JSON). A transform or load entry holds the row as it reached the\n" +
        "  failing stage, as JSON, read with the schema; every transform runs on it again, which the transforms `aietl`\n" +
        "  binds (the schema's checks, `null_remover`, `quality_scorer`, `deduplicator`) do idempotently.\n" +
        "  The source, its incremental state and its checkpoint are not touched, and every stage skips its failing rows to\n" +
        "  the replay, whatever `on_*_error` says, so one row still wrong does not stop the others.\n" +
        "- Not replayable, and kept as they are with the reason: an entry whose row was stored masked (the schema has a\n" +
        "  `sensitive` field, or `masking.mask_dead_letter_rows` masked a value), since the masks are not the values; an\n" +
        "  entry with no row (a destination's rejection written by an earlier version, which kept only its location and\n" +
        "  key); an extract entry of a database source.\n" +
        "- The destination is loaded first and the file rewritten after, through a temporary file renamed over it: a crash\n" +
        "  in between keeps every entry, and entries a run appended and closed meanwhile are carried over. A row is then loaded again by\n" +
        "  the next replay: into a `merge` destination that is idempotent; into an `append` one it is a duplicate. A replay\n" +
        "  into `write_mode: replace` or `schema_mode: drop_and_create` is refused (exit 2): it would leave only the replayed\n" +
        "  rows. A replay while a run writes to the file (the engine holds it open, shared) is refused (exit 1); a run that\n" +
        "  opens it during the replay makes the rewrite fail (every entry stays, exit 1), and one that opens it during the\n" +
        "  rewrite fails to, rather than writing into the file being replaced.\n" +
        "- The file is streamed, never held: a first pass reads the entries one at a time and writes each replayable row\n" +
        "  to the replay's input file as it is read, keeping a few bytes an entry (where its row is in that file); a second\n" +
        "  pass writes the rewritten file and the report as it reads the lines again. 100,000 entries of an 82 MB file\n" +
        "  replay in about 140 MB of peak memory (1.1 GB when the file was read whole): `scripts/bench/dlq-replay.sh` makes\n" +
        "  that file and times the replay as a whole process (143 MB, 7.1 s on 7 December 2026). CSV lines are parsed with the\n" +
        "  options the source reads with, so an inferred schema's null tokens (`NA`) and decimal comma apply, as in `aietl run`.\n" +
        "- `--dry-run` says which entries would be replayed and why the others cannot be, and changes nothing. Exit codes: `0`\n" +
        "  replayed (rows that failed again are in the file; `--output json` counts them in `remaining`), `1` a replay\n" +
        "  stopped (a lost connection) and its entries stay, `2` the configuration is invalid, `130` cancelled.\n" +
        "\n" +
        "## `schema_mode` of a file destination\n\n" +
        "A CSV or JSON file has no catalog to ask, so its columns are the file's own: a CSV's header (or, without one, the\n" +
        "number of fields of its first row), a JSON file's first row (every row has every field, nulls included; the first\n" +
        "MB is scanned). The modes mean, for `csv`, `json` and `jsonl`:\n\n" +
        "| schema_mode | file missing | file present |\n|---|---|---|\n" +
        "| `create_if_missing` | created | replace: written anew; append: a CSV whose header is not the rows' fields, in their order, is refused (the new values would land in the wrong columns); JSON rows carry their names and are appended |\n" +
        "| `fail_if_missing` | refused: `file: the file does not exist and the schema mode is fail_if_missing` | refused when its columns are not the rows' fields (CSV: same names in the same order; JSON: same names in any order), naming the file, its line and the columns that differ; else replaced or appended to |\n" +
        "| `drop_and_create` | created | started anew whatever it holds, an append too, and its checkpoints are forgotten (the run reads the source from the start), as a dropped table's are |\n\n" +
        "Every check reads the file decompressed (`.gz`, `.zst`, ...), before anything is written, and the file is left as it\n" +
        "was when a run is refused (exit 1). A file cannot gain a column without rewriting every row, so there is no\n" +
        "`evolve_schema` for files: replace the file, or start it anew with `drop_and_create`. An empty existing file counts\n" +
        "as present with no columns to compare.\n\n" +
        "## Compiled pipelines: `*.etl.yaml` and `[Pipeline<T>]`\n\n" +
        "In a C# project that references AiEtl.Typed, every `*.etl.yaml` file is compiled by the source generator into a\n" +
        "typed pipeline class (`customers-to-sqlite` becomes `CustomersToSqlitePipeline`, in the project's root namespace)\n" +
        "with `RunAsync(PipelineRunOptions?, CancellationToken)`; the assembly's `CompiledPipelines.All` and `Find(name)`\n" +
        "list them, and `services.AddAiEtl()` registers them when the project uses Microsoft.Extensions.DependencyInjection.\n" +
        "The keys are the same; what differs:\n\n" +
        "- The rows are a C# record: `pipeline.source.record` names an `[EtlRecord]` type, or `pipeline.source.schema`\n" +
        "  declares the fields and the generator emits the record (named by `record`, else the schema's name with `Row`).\n" +
        "  There is no inference and no `schema_file` at build time (AIETL1103, AIETL1104).\n" +
        "- The compiler checks what `aietl validate` checks, at the same line and column with the same id, and what only it\n" +
        "  can know: the record exists (AIETL1101, AIETL1102), every field name is the record's (AIETL1105), keys and\n" +
        "  cursors have usable types (AIETL1106, AIETL1107), `merge` has a primary key (AIETL1108), a CSV source that is\n" +
        "  an `AdditionalFiles` item has the record's columns (AIETL1111, AIETL1112), names are unique (AIETL1113).\n" +
        "- `${VAR}` placeholders of text settings (paths, hosts, names, passwords) stay in the code and are resolved when\n" +
        "  the pipeline runs, from `PipelineRunOptions.Variables`, then the process environment, then the default; a\n" +
        "  number, flag or choice needs its value at build time, so a placeholder there takes its default (AIETL1025).\n" +
        "  No `.env` file is read, at build or run time.\n" +
        "- Relative paths start from `PipelineRunOptions.BaseDirectory`, by default the working directory (a compiled\n" +
        "  pipeline has no file beside it when it runs); at build time a CSV sample is looked up relative to the YAML file.\n" +
        "- `select` and `rename` change the row's fields and are not available (AIETL1109).\n\n" +
        "The same pipeline can be declared in C#: a `[Pipeline<TRecord>(\"name\")] partial class` with one source attribute\n" +
        "(`[CsvSource(path)]`, `[JsonSource(path)]`, `[SqliteSource(path)]`, `[PostgresSource]`), transform attributes in\n" +
        "order (`[RemoveNulls(fields)]`, `[ImputeNulls(field, method)]`, `[ScoreQuality(MinScore = ...)]`,\n" +
        "`[Deduplicate(keyFields)]`), one destination attribute\n" +
        "(`[CsvDestination]`, `[JsonDestination]`, `[SqliteDestination]`, `[PostgresDestination]`) and `[Execution]`,\n" +
        "`[Retry]`, `[ErrorHandling]`, `[StateFile]`; each property is the snake_case key of the same name. The attributes\n" +
        "are checked by the same rules, each reported at its argument. Methods marked `[Transform]` (`T M(T row)`) and\n" +
        "`[Filter]` (`bool M(T row)`) run after the transform attributes, in declaration order.\n\n" +
        "## Row schema\n\n" +
        "The schema of the rows is inferred from a sample of the source by default (`pipeline.source.inference`), declared\n" +
        "inline under `pipeline.source.schema`, or read from a JSON Schema file (`pipeline.source.schema_file`, as the\n" +
        "JSON destination's `export_schema` writes it). With a declared schema, every key that names fields\n" +
        "(`key_fields`, `fields`, `cursor_column`, `key_columns`, `primary_key`, `impute`) is checked against it.\n\n" +
        "A field's `sensitive:` masks all of its values in errors, logs and dead-letter rows. A `json` field may instead\n" +
        "name values inside its JSON with `sensitive_paths:`, each path with its kind, spelt as `aietl scan` names the\n" +
        "column after the field's name; the rest of the JSON stays as it was, and text that is not JSON is masked whole:\n\n" +
        "```yaml\n" +
        "    - { name: contact, type: json, sensitive_paths: { email: email, \"address.street\": other } }\n" +
        "    - { name: orders, type: json, sensitive_paths: { \"[].card\": credit_card } }   # every element's card\n" +
        "    - { name: extra, type: json, sensitive_paths: { \"[\\\"e.mail\\\"]\": email } }    # a name holding '.'\n" +
        "```\n\n" +
        "A path that cannot be read is AIETL1026, paths on a field that is not `json` AIETL1027, and `sensitive` with\n" +
        "`sensitive_paths` on one field AIETL1017 (docs/inference.md, \"From the scan to masking\").\n\n";

    private static void Section(StringBuilder md, string path, ConfigKey key)
    {
        md.Append("## `").Append(path).Append("`\n\n").Append(key.Description).Append("\n\n");
        Table(md, key.Children, key.Family);
        foreach (var child in key.Children)
        {
            if (child.Kind == ConfigValueKind.Mapping && child.Family is null && child.Name != "config")
            {
                Section(md, path + "." + child.Name, child);
            }
            else if (child.Kind == ConfigValueKind.MappingList)
            {
                Section(md, path + "." + child.Name + "[]", child);
            }
            else if (child.Kind == ConfigValueKind.Mapping && child.Family is not null)
            {
                Section(md, path + "." + child.Name, child);
            }
        }
    }

    private static void Adapters(StringBuilder md, string title, string path, AdapterFamily family)
    {
        md.Append("## ").Append(title).Append("\n\n")
            .Append("The `type` and `").Append(path).Append("` keys of each ").Append(family.Role).Append(" type.\n\n");
        foreach (var adapter in family.Adapters)
        {
            md.Append("### ").Append(family.Role).Append(" `").Append(adapter.Name).Append("`\n\n").Append(adapter.Description).Append("\n\n");
            if (adapter.Keys.Count == 0)
            {
                md.Append("No `config` keys.\n\n");
                continue;
            }

            Table(md, adapter.Keys, null);
        }
    }

    private static void Table(StringBuilder md, IReadOnlyList<ConfigKey> keys, AdapterFamily? family)
    {
        md.Append("| key | value | default | description |\n|---|---|---|---|\n");
        foreach (var key in keys)
        {
            md.Append("| `").Append(key.Name).Append("` | ").Append(Kind(key, family)).Append(" | ").Append(Default(key)).Append(" | ")
                .Append(Escape(key.Description)).Append(" |\n");
        }

        md.Append('\n');
    }

    private static string Kind(ConfigKey key, AdapterFamily? family)
    {
        if (family is not null && key.Name == "type")
        {
            return "one of " + Codes(family.Names);
        }

        if (family is not null && key.Name == "config")
        {
            return "mapping (see " + Title(family) + ")";
        }

        return key.Kind switch
        {
            ConfigValueKind.Integer => "whole number" + Range(key),
            ConfigValueKind.Number => "number" + Range(key),
            ConfigValueKind.Boolean => "`true` or `false`",
            ConfigValueKind.Enum => "one of " + Codes(key.AllowedValues) + (key.IgnoreCase ? " (any case)" : ""),
            ConfigValueKind.Character => "one character",
            ConfigValueKind.StringList => "list" + (key.AllowedValues.Count > 0 ? " of " + Codes(key.AllowedValues) : " of text"),
            ConfigValueKind.Scalar => "text, number or boolean",
            ConfigValueKind.Mapping => "mapping (below)",
            ConfigValueKind.MappingList => "list of mappings (below)",
            ConfigValueKind.Dictionary => "mapping of " + key.EntryKeys + " to " + Kind(key.Values!, null),
            _ => key.Minimum is { } length ? "text, at least " + Number(length) + " characters" : "text",
        } + (key.IsSecret ? ", secret" : "");
    }

    private static string Title(AdapterFamily family) => family.Role switch
    {
        "source" => "Sources",
        "destination" => "Destinations",
        _ => "Transforms",
    };

    private static string Range(ConfigKey key) => key.Minimum is not null && key.Maximum is not null
        ? " from " + Number(key.Minimum.Value) + " to " + Number(key.Maximum.Value)
        : key.Minimum is { } min ? ", at least " + Number(min) : key.Maximum is { } max ? ", at most " + Number(max) : "";

    private static string Default(ConfigKey key)
    {
        var text = key.Required ? "**required**" : key.Default switch
        {
            null => "",
            bool flag => flag ? "`true`" : "`false`",
            long whole => "`" + whole.ToString(CultureInfo.InvariantCulture) + "`",
            double number => "`" + Number(number) + "`",
            string s when s.Length == 0 => "empty",
            string s => "`" + Escape(s) + "`",
            _ => "",
        };
        if (key.EnvironmentVariable is { } variable)
        {
            text += (text.Length > 0 ? ", " : "") + "env `" + variable + "`";
        }

        return text;
    }

    private static void EnvironmentDefaults(StringBuilder md)
    {
        md.Append("## Environment defaults\n\n")
            .Append("When the file leaves one of these keys out, the variable (process environment, then `.env`) supplies it.\n")
            .Append("`LOCAL_STATE_PATH` is the state folder when `pipeline.source.state_file` is absent. The `DB_*` variables are\n")
            .Append("not used by a PostgreSQL adapter that sets `connection_string`.\n\n")
            .Append("| variable | key |\n|---|---|\n");
        var rows = new List<string>();
        Collect(PipelineCatalog.Pipeline, "pipeline", rows);
        foreach (var family in new[] { AdapterCatalog.Sources, AdapterCatalog.Destinations })
        {
            foreach (var adapter in family.Adapters)
            {
                foreach (var key in adapter.Keys)
                {
                    if (key.EnvironmentVariable is { } variable)
                    {
                        rows.Add("| `" + variable + "` | `pipeline." + family.Role + ".config." + key.Name + "` (" + family.Role + " `" + adapter.Name + "`) |");
                    }
                }
            }
        }

        rows.Add("| `LOCAL_STATE_PATH` | the state folder, when `pipeline.source.state_file` is absent |");
        foreach (var row in rows)
        {
            md.Append(row).Append('\n');
        }

        md.Append('\n');
    }

    private static void Collect(ConfigKey key, string path, List<string> rows)
    {
        foreach (var child in key.Children)
        {
            if (child.EnvironmentVariable is { } variable)
            {
                rows.Add("| `" + variable + "` | `" + path + "." + child.Name + "` |");
            }

            Collect(child, path + "." + child.Name, rows);
        }
    }

    private static void DiagnosticsList(StringBuilder md)
    {
        md.Append("## Diagnostics\n\n| id | severity | title |\n|---|---|---|\n");
        foreach (var descriptor in ConfigDiagnostics.All)
        {
            md.Append("| [").Append(descriptor.Id).Append("](diagnostics/").Append(descriptor.Id).Append(".md) | ")
                .Append(descriptor.DefaultSeverity.ToString().ToLowerInvariant()).Append(" | ").Append(Escape(descriptor.Title)).Append(" |\n");
        }
    }

    private static string Codes(IReadOnlyList<string> values)
    {
        var text = new StringBuilder();
        foreach (var value in values)
        {
            text.Append(text.Length > 0 ? ", " : "").Append('`').Append(value).Append('`');
        }

        return text.ToString();
    }

    private static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Escape(string text) => text.Replace("|", "\\|").Replace("<", "&lt;").Replace(">", "&gt;");
}
