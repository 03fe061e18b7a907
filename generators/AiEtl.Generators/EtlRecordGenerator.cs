using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AiEtl.Generators;

/// <summary>
/// Implements <c>AiEtl.IEtlRecord&lt;T&gt;</c> on every <c>[EtlRecord]</c> partial type: a schema, and a
/// field reader and writer that adapters specialise per type, without reflection or boxing.
/// </summary>
/// <remarks>
/// The pipeline parses each declaration into a value-equatable <see cref="Result{TValue}"/>, then splits it:
/// code is emitted from the <see cref="EtlRecordSpec"/> alone and diagnostics are reported from their own output,
/// so an edit that changes neither does no work and a changed diagnostic does not regenerate code.
/// </remarks>
[Generator(LanguageNames.CSharp)]
public sealed class EtlRecordGenerator : IIncrementalGenerator
{
    /// <summary>The metadata name of the attribute that marks a record type.</summary>
    public const string EtlRecordAttributeName = "AiEtl.EtlRecordAttribute";

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var parsed = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                EtlRecordAttributeName,
                predicate: static (node, _) => node is ClassDeclarationSyntax or StructDeclarationSyntax or RecordDeclarationSyntax,
                transform: static (attributeContext, cancellationToken) => Parser.Parse(attributeContext, cancellationToken))
            .WithTrackingName(TrackingNames.ParseRecords);

        // [EtlRecord(Sample = ...)]: each CSV file is inferred once per change of its text; a record takes its columns.
        var samples = context.AdditionalTextsProvider
            .Where(static text => text.Path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
            .Select(static (text, cancellationToken) => SampleRecords.Read(text, cancellationToken))
            .WithTrackingName(TrackingNames.RecordSamples)
            .Collect()
            .Select(static (all, _) => new EquatableArray<RecordSample>(all.ToArray()));
        var results = parsed
            .Combine(samples)
            .Combine(PipelineGeneration.Project(context))
            .Select(static (pair, _) => SampleRecords.Apply(pair.Left.Left, pair.Left.Right, pair.Right))
            .WithTrackingName(TrackingNames.SampleRecords);

        var specs = results
            .Select(static (result, _) => result.Value)
            .Where(static spec => spec is not null)
            .Select(static (spec, _) => spec!)
            .WithTrackingName(TrackingNames.RecordSpecs);

        var diagnostics = results
            .Select(static (result, _) => result.Diagnostics)
            .Where(static diagnostics => !diagnostics.IsEmpty)
            .WithTrackingName(TrackingNames.Diagnostics);

        context.RegisterSourceOutput(specs, static (production, spec) => EmitRecord(production, spec));
        PipelineGeneration.Register(context, specs);
        context.RegisterSourceOutput(diagnostics, static (production, found) => ReportDiagnostics(production, found));
    }

    private static void EmitRecord(SourceProductionContext production, EtlRecordSpec spec)
    {
        production.CancellationToken.ThrowIfCancellationRequested();
        var failure = EmitSafely(spec, out var source);
        if (failure is null)
        {
            production.AddSource(spec.HintName, source);
        }
        else
        {
            production.ReportDiagnostic(failure);
        }
    }

    /// <summary>
    /// Emits the source of <paramref name="spec"/>, returning <see langword="null"/>; or, when the emitter throws, returns
    /// the AIETL0099 diagnostic to report instead. The spec holds no location (so that moving a declaration does not
    /// regenerate it), hence the diagnostic has none either: its message names the type.
    /// </summary>
    internal static Diagnostic? EmitSafely(EtlRecordSpec spec, out string source)
    {
        try
        {
            source = Emitter.Emit(spec);
            return null;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            source = string.Empty;
            return Diagnostic.Create(DiagnosticDescriptors.GeneratorFailed, Location.None, spec.FullyQualifiedName, Parser.Describe(exception));
        }
    }

    private static void ReportDiagnostics(SourceProductionContext production, EquatableArray<DiagnosticInfo> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            production.ReportDiagnostic(diagnostic.ToDiagnostic());
        }
    }
}
