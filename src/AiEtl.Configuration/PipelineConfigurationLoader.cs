using System.Collections.Generic;
using System.IO;
using AiEtl.Configuration.Diagnostics;
using AiEtl.Configuration.Env;
using AiEtl.Configuration.Validation;
using AiEtl.Configuration.Yaml;

namespace AiEtl.Configuration;

/// <summary>
/// Loads a pipeline file: parses the YAML with positions, applies overrides, resolves <c>${VAR}</c> placeholders from
/// the process environment and the <c>.env</c> file, validates every key against the catalog and across keys, and
/// returns every problem at once with the model.
/// </summary>
public static class PipelineConfigurationLoader
{
    /// <summary>Loads the pipeline file at <paramref name="path"/>.</summary>
    public static PipelineLoadResult Load(string path, PipelineLoadOptions? options = null)
    {
        var diagnostics = new DiagnosticBag(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (IOException error)
        {
            diagnostics.Report(ConfigDiagnostics.UnreadableFile, YamlPosition.Start, "", "cannot read the pipeline file: " + error.Message);
            return new PipelineLoadResult(null, diagnostics.Items);
        }
        catch (System.UnauthorizedAccessException error)
        {
            diagnostics.Report(ConfigDiagnostics.UnreadableFile, YamlPosition.Start, "", "cannot read the pipeline file: " + error.Message);
            return new PipelineLoadResult(null, diagnostics.Items);
        }

        return Parse(text, path, options, diagnostics);
    }

    /// <summary>Loads pipeline text as if it were the file <paramref name="path"/> (whose folder holds its <c>.env</c>).</summary>
    public static PipelineLoadResult Parse(string text, string path, PipelineLoadOptions? options = null) =>
        Parse(text, path, options, new DiagnosticBag(path));

    private static PipelineLoadResult Parse(string text, string path, PipelineLoadOptions? options, DiagnosticBag diagnostics)
    {
        options ??= new PipelineLoadOptions();
        var environment = options.ForCompiler ? new ConfigEnvironment(static _ => null) : Environment(path, options, diagnostics);
        var root = YamlTreeReader.Read(text, diagnostics);
        if (root is null)
        {
            // The structure is unknown: checking keys would only add noise.
            return new PipelineLoadResult(null, diagnostics.Items);
        }

        if (options.Overrides.Count > 0)
        {
            root = YamlOverrides.Apply(root, options.Overrides, diagnostics);
        }

        root = PlaceholderResolver.Resolve(root, environment, diagnostics, "", options.ForCompiler);
        var section = new StructureValidator(diagnostics, environment).ValidateRoot(root);
        var configuration = ModelBuilder.Build(section, path, environment, diagnostics, readSchemaFile: !options.ForCompiler);
        new SemanticValidator(diagnostics).Validate(configuration);
        return new PipelineLoadResult(diagnostics.HasErrors ? null : configuration, diagnostics.Items);
    }

    private static ConfigEnvironment Environment(string path, PipelineLoadOptions options, DiagnosticBag diagnostics)
    {
        var envFile = options.EnvFilePath;
        if (envFile is null)
        {
            var beside = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".", ".env");
            envFile = File.Exists(beside) ? beside : null;
        }
        else if (!File.Exists(envFile))
        {
            diagnostics.ReportIn(envFile, ConfigDiagnostics.UnreadableFile, YamlPosition.Start, "", "the environment file does not exist");
            envFile = null;
        }

        IReadOnlyDictionary<string, string> values = envFile is null ? new Dictionary<string, string>() : EnvFile.Read(envFile, diagnostics);
        return new ConfigEnvironment(options.ProcessEnvironment, values, envFile);
    }
}
