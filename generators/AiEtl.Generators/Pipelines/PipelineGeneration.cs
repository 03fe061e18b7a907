using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AiEtl.Generators;

/// <summary>
/// The pipeline half of the generator: each <c>*.etl.yaml</c> additional file becomes a typed pipeline class, checked
/// by the configuration model and against the project's <c>[EtlRecord]</c> types; all of them are listed in the
/// assembly's <c>CompiledPipelines</c> registry.
/// </summary>
/// <remarks>
/// Each file is parsed on its own (editing one re-parses only it); the records and the CSV samples join afterwards,
/// as value-equatable collections, so an edit that changes no record leaves every pipeline cached.
/// </remarks>
internal static class PipelineGeneration
{
    public const string FileSuffix = ".etl.yaml";

    public static void Register(IncrementalGeneratorInitializationContext context, IncrementalValuesProvider<EtlRecordSpec> records)
    {
        var project = Project(context).WithTrackingName(TrackingNames.Project);

        var parsed = context.AdditionalTextsProvider
            .Where(static text => text.Path.EndsWith(FileSuffix, StringComparison.OrdinalIgnoreCase))
            .Combine(project)
            .Select(static (pair, cancellationToken) => YamlPipelineParser.Parse(pair.Left.Path, pair.Left.GetText(cancellationToken), pair.Right, cancellationToken))
            .WithTrackingName(TrackingNames.ParsePipelines);

        var declarations = parsed
            .Select(static (result, _) => result.Value)
            .Where(static declaration => declaration is not null)
            .Select(static (declaration, _) => declaration!);

        var recordList = records.Collect()
            .Select(static (all, _) => new EquatableArray<EtlRecordSpec>(all.ToArray()))
            .WithTrackingName(TrackingNames.RecordList);

        var samples = context.AdditionalTextsProvider
            .Where(static text => text.Path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
            .Select(static (text, cancellationToken) => Header(text, cancellationToken))
            .Collect()
            .Select(static (all, _) => new EquatableArray<CsvSampleHeader>(all.ToArray()))
            .WithTrackingName(TrackingNames.CsvSamples);

        context.RegisterSourceOutput(parsed.Select(static (result, _) => result.Diagnostics).Where(static found => !found.IsEmpty), static (production, found) => Report(production, found));
        context.RegisterSourceOutput(declarations.Where(static declaration => declaration.InlineRecord is not null), static (production, declaration) => EmitInlineRecord(production, declaration));

        var attributed = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                AttributedPipelineParser.PipelineAttributeName,
                predicate: static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax,
                transform: static (attributeContext, cancellationToken) => AttributedPipelineParser.Parse(attributeContext, new ProjectInfo(null, null), cancellationToken))
            .Combine(project)
            .Select(static (pair, _) => pair.Left.Value is { } declaration
                ? pair.Left with { Value = declaration with { RelativePath = pair.Right.RelativePath(declaration.FilePath) } }
                : pair.Left)
            .WithTrackingName(TrackingNames.ParseAttributedPipelines);
        context.RegisterSourceOutput(attributed.Select(static (result, _) => result.Diagnostics).Where(static found => !found.IsEmpty), static (production, found) => Report(production, found));
        var attributedDeclarations = attributed
            .Select(static (result, _) => result.Value)
            .Where(static declaration => declaration is not null)
            .Select(static (declaration, _) => declaration!);

        // The types that record: names but that are not [EtlRecord] types, for AIETL1115. It reads the compilation, so
        // it runs after every edit, but its output is a short list that seldom changes.
        var plainTypes = declarations
            .Select(static (declaration, _) => declaration.Record)
            .Collect()
            .Combine(context.CompilationProvider)
            .Select(static (pair, _) => PlainTypes(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.PlainTypes);

        var yamlPlans = CheckAndEmit(context, declarations, recordList, samples, plainTypes);
        var attributedPlans = CheckAndEmit(context, attributedDeclarations, recordList, samples, plainTypes);

        // Only pipelines that generated a class are listed, so an error in one file is reported once, at its line.
        var entries = yamlPlans.Collect()
            .Combine(attributedPlans.Collect())
            .Select(static (pair, _) => RegistryEmitter.Sorted(pair.Left.Concat(pair.Right).Select(static plan => new PipelineEntry(plan.Pipeline.Name, FullName(plan.Pipeline), plan.Pipeline.NameLocation))))
            .WithTrackingName(TrackingNames.Registry);
        var hasDependencyInjection = context.CompilationProvider
            .Select(static (compilation, _) => compilation.GetTypeByMetadataName("Microsoft.Extensions.DependencyInjection.IServiceCollection") is not null);
        context.RegisterSourceOutput(
            entries.Combine(project.Select(static (info, _) => info.RootNamespace)).Combine(hasDependencyInjection),
            static (production, pair) => EmitRegistry(production, pair.Left.Left, pair.Left.Right, pair.Right));
    }

    /// <summary>The project's root namespace and folder, from the build's properties.</summary>
    public static IncrementalValueProvider<ProjectInfo> Project(IncrementalGeneratorInitializationContext context) =>
        context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => new ProjectInfo(Property(options, "build_property.RootNamespace"), Property(options, "build_property.ProjectDir")));

    // Checks each declaration against the records and samples, reports what it finds, and emits the pipeline classes.
    private static IncrementalValuesProvider<PipelinePlan> CheckAndEmit(
        IncrementalGeneratorInitializationContext context,
        IncrementalValuesProvider<PipelineDeclaration> declarations,
        IncrementalValueProvider<EquatableArray<EtlRecordSpec>> records,
        IncrementalValueProvider<EquatableArray<CsvSampleHeader>> samples,
        IncrementalValueProvider<EquatableArray<string>> plainTypes)
    {
        var checkedPipelines = declarations
            .Combine(records)
            .Combine(samples)
            .Combine(plainTypes)
            .Select(static (pair, _) => RecordChecks.Check(pair.Left.Left.Left, pair.Left.Left.Right, pair.Left.Right, pair.Right))
            .WithTrackingName(TrackingNames.CheckPipelines);

        var plans = checkedPipelines
            .Select(static (result, _) => result.Value)
            .Where(static plan => plan is not null)
            .Select(static (plan, _) => plan!)
            .WithTrackingName(TrackingNames.PipelinePlans);

        context.RegisterSourceOutput(checkedPipelines.Select(static (result, _) => result.Diagnostics).Where(static found => !found.IsEmpty), static (production, found) => Report(production, found));
        context.RegisterSourceOutput(plans, static (production, plan) => EmitPipeline(production, plan));
        return plans;
    }

    private static EquatableArray<string> PlainTypes(System.Collections.Immutable.ImmutableArray<string?> names, Compilation compilation)
    {
        var plain = new List<string>();
        foreach (var name in names)
        {
            if (name is not null && compilation.GetTypeByMetadataName(name) is { } type
                && !type.GetAttributes().Any(static attribute => attribute.AttributeClass?.ToDisplayString() == EtlRecordGenerator.EtlRecordAttributeName))
            {
                plain.Add(name);
            }
        }

        return new EquatableArray<string>([.. plain.Distinct()]);
    }

    private static string? Property(AnalyzerConfigOptionsProvider options, string name) =>
        options.GlobalOptions.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;

    private static string FullName(PipelineDeclaration declaration) =>
        "global::" + (declaration.Namespace is null ? "" : declaration.Namespace + ".") + declaration.ClassName;

    // Only the first line is kept: a sample is checked by its header, and a large file must not sit in the cache.
    private static CsvSampleHeader Header(AdditionalText text, System.Threading.CancellationToken cancellationToken)
    {
        // An empty file keeps an empty header, which AIETL1120 reports.
        var source = text.GetText(cancellationToken);
        var line = source is null || source.Lines.Count == 0 ? "" : source.Lines[0].ToString().TrimStart('\uFEFF');
        return new CsvSampleHeader(text.Path, line);
    }

    private static void EmitInlineRecord(SourceProductionContext production, PipelineDeclaration declaration)
    {
        var spec = declaration.InlineRecord!;
        production.AddSource(HintName(declaration, spec.Name + ".Declaration"), InlineRecordEmitter.Declaration(spec, declaration));
        var failure = EtlRecordGenerator.EmitSafely(spec, out var source);
        if (failure is null)
        {
            production.AddSource(HintName(declaration, spec.Name + ".EtlRecord"), source);
        }
        else
        {
            production.ReportDiagnostic(failure);
        }
    }

    // Named after the file, so two files that clash (AIETL1113) still give two outputs and the compiler's own error.
    private static string HintName(PipelineDeclaration declaration, string type)
    {
        var file = new System.Text.StringBuilder();
        foreach (var c in declaration.RelativePath)
        {
            file.Append(char.IsLetterOrDigit(c) || c is '.' or '_' or '-' ? c : '_');
        }

        return type + "." + file + ".g.cs";
    }

    private static void EmitPipeline(SourceProductionContext production, PipelinePlan plan)
    {
        production.CancellationToken.ThrowIfCancellationRequested();
        var pipeline = plan.Pipeline;
        string source;
        try
        {
            source = PipelineEmitter.Emit(plan);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            production.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.GeneratorFailed, Location.None, pipeline.RelativePath, Parser.Describe(exception)));
            return;
        }

        production.AddSource(HintName(pipeline, pipeline.ClassName), source);
    }

    private static void EmitRegistry(SourceProductionContext production, EquatableArray<PipelineEntry> entries, string? ns, bool hasDependencyInjection)
    {
        if (entries.IsEmpty)
        {
            return;
        }

        var seen = new Dictionary<string, PipelineEntry>(StringComparer.Ordinal);
        var unique = new List<PipelineEntry>();
        foreach (var entry in entries)
        {
            if (seen.TryGetValue(entry.Name, out var first))
            {
                production.ReportDiagnostic(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicatePipelineName, entry.Location, entry.Name, first.Location?.FilePath is { } path ? Path.GetFileName(path) : "another file").ToDiagnostic());
                continue;
            }

            seen[entry.Name] = entry;
            unique.Add(entry);
        }

        var registered = new EquatableArray<PipelineEntry>(unique.ToArray());
        production.AddSource("AiEtl.CompiledPipelines.g.cs", RegistryEmitter.Registry(ns, registered));
        if (hasDependencyInjection)
        {
            production.AddSource("AiEtl.ServiceCollectionExtensions.g.cs", RegistryEmitter.ServiceCollectionExtensions(registered));
        }
    }

    private static void Report(SourceProductionContext production, EquatableArray<DiagnosticInfo> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            production.ReportDiagnostic(diagnostic.ToDiagnostic());
        }
    }
}
