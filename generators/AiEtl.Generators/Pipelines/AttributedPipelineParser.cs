using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AiEtl.Generators;

/// <summary>
/// Reads a <c>[Pipeline&lt;T&gt;] partial class</c>: its attributes become the pipeline file they stand for
/// (<see cref="PipelineYamlWriter"/>), checked by the configuration model as a <c>*.etl.yaml</c> file is, and its
/// <c>[Transform]</c> and <c>[Filter]</c> methods are checked for their signature. The result is the same
/// <see cref="PipelineDeclaration"/> a YAML file gives, so both forms share the record checks and the emitter.
/// </summary>
internal static class AttributedPipelineParser
{
    public const string PipelineAttributeName = "AiEtl.PipelineAttribute`1";

    public static Result<PipelineDeclaration?> Parse(GeneratorAttributeSyntaxContext context, ProjectInfo project, CancellationToken cancellationToken)
    {
        var type = (INamedTypeSymbol)context.TargetSymbol;
        var declaration = (ClassDeclarationSyntax)context.TargetNode;
        var pipeline = context.Attributes[0];
        var diagnostics = new List<DiagnosticInfo>();
        var fallback = LocationInfo.From(pipeline.ApplicationSyntaxReference!.GetSyntax(cancellationToken))!;
        if (!declaration.Modifiers.Any(SyntaxKind.PartialKeyword) || type.ContainingType is not null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.PipelineClassMustBePartial, LocationInfo.From(declaration.Identifier), type.Name));
            return new Result<PipelineDeclaration?>(null, new EquatableArray<DiagnosticInfo>(diagnostics.ToArray()));
        }

        var record = pipeline.AttributeClass!.TypeArguments[0];
        var yaml = new PipelineYamlWriter(fallback);
        WriteYaml(yaml, type, pipeline, record, diagnostics, cancellationToken);
        var methods = Methods(type, record, diagnostics);
        var path = declaration.SyntaxTree.FilePath;
        var parsed = YamlPipelineParser.Parse(yaml.Text, path, yaml.Locate, project);
        diagnostics.AddRange(parsed.Diagnostics);
        var value = parsed.Value is null ? null : parsed.Value with
        {
            Namespace = type.ContainingNamespace.IsGlobalNamespace ? null : type.ContainingNamespace.ToDisplayString(),
            ClassName = type.Name,
            IsAttributed = true,
            Methods = methods,
        };
        return new Result<PipelineDeclaration?>(value, new EquatableArray<DiagnosticInfo>(diagnostics.ToArray()));
    }

    private static void WriteYaml(PipelineYamlWriter yaml, INamedTypeSymbol type, AttributeData pipeline, ITypeSymbol record, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        var attributes = type.GetAttributes().Where(static a => a.AttributeClass?.ContainingNamespace?.ToDisplayString() == "AiEtl").ToList();
        AttributeData? source = null;
        AttributeData? destination = null;
        foreach (var attribute in attributes)
        {
            var name = attribute.AttributeClass!.Name;
            if (name.EndsWith("SourceAttribute", System.StringComparison.Ordinal) || name.EndsWith("DestinationAttribute", System.StringComparison.Ordinal))
            {
                var isSource = name.EndsWith("SourceAttribute", System.StringComparison.Ordinal);
                if ((isSource ? source : destination) is not null)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.PipelineAttributeRepeated, Location(attribute, null, cancellationToken), isSource ? "source" : "destination", type.Name));
                    continue;
                }

                if (isSource)
                {
                    source = attribute;
                }
                else
                {
                    destination = attribute;
                }
            }
        }

        var pipelineLocation = Location(pipeline, null, cancellationToken);
        yaml.Open(0, "pipeline", pipelineLocation);
        yaml.Scalar(1, "name", pipeline.ConstructorArguments[0].Value as string ?? "", ArgumentLocation(pipeline, 0, cancellationToken));
        yaml.Scalar(1, "description", Named(pipeline, "Description"), Location(pipeline, "Description", cancellationToken));
        WriteRun(yaml, attributes, cancellationToken);
        if (source is not null)
        {
            yaml.Open(1, "source", Location(source, null, cancellationToken));
            yaml.Scalar(2, "type", AdapterType(source), Location(source, null, cancellationToken));
            yaml.Scalar(2, "record", record.ToDisplayString(), pipelineLocation);
            if (attributes.FirstOrDefault(static a => a.AttributeClass!.Name == "StateFileAttribute") is { } state)
            {
                yaml.Scalar(2, "state_file", state.ConstructorArguments[0].Value, ArgumentLocation(state, 0, cancellationToken));
            }

            WriteConfig(yaml, source, cancellationToken);
        }

        var transforms = attributes.Where(static a => a.AttributeClass!.Name is "RemoveNullsAttribute" or "ImputeNullsAttribute" or "DeduplicateAttribute" or "ScoreQualityAttribute").ToList();
        if (transforms.Count > 0)
        {
            yaml.Open(1, "transforms", null);
            foreach (var transform in transforms)
            {
                WriteTransform(yaml, transform, cancellationToken);
            }
        }

        if (destination is not null)
        {
            yaml.Open(1, "destination", Location(destination, null, cancellationToken));
            yaml.Scalar(2, "type", AdapterType(destination), Location(destination, null, cancellationToken));
            WriteConfig(yaml, destination, cancellationToken);
            if (Named(destination, "SchemaMode") is { } schemaMode)
            {
                yaml.Scalar(2, "schema_mode", schemaMode, Location(destination, "SchemaMode", cancellationToken));
            }
        }
    }

    private static void WriteRun(PipelineYamlWriter yaml, List<AttributeData> attributes, CancellationToken cancellationToken)
    {
        var execution = attributes.FirstOrDefault(static a => a.AttributeClass!.Name == "ExecutionAttribute");
        var retry = attributes.FirstOrDefault(static a => a.AttributeClass!.Name == "RetryAttribute");
        if (execution is not null || retry is not null)
        {
            yaml.Open(1, "execution", null);
            if (execution is not null)
            {
                WriteNamed(yaml, 2, execution, cancellationToken);
            }

            if (retry is not null)
            {
                yaml.Open(2, "retry_policy", Location(retry, null, cancellationToken));
                WriteNamed(yaml, 3, retry, cancellationToken);
            }
        }

        if (attributes.FirstOrDefault(static a => a.AttributeClass!.Name == "ErrorHandlingAttribute") is { } errors)
        {
            yaml.Open(1, "error_handling", Location(errors, null, cancellationToken));
            WriteNamed(yaml, 2, errors, cancellationToken);
        }
    }

    private static void WriteConfig(PipelineYamlWriter yaml, AttributeData adapter, CancellationToken cancellationToken)
    {
        yaml.Open(2, "config", null);
        if (adapter.ConstructorArguments.Length > 0)
        {
            yaml.Scalar(3, "path", adapter.ConstructorArguments[0].Value, ArgumentLocation(adapter, 0, cancellationToken));
        }

        WriteNamed(yaml, 3, adapter, cancellationToken, except: "SchemaMode");
    }

    private static void WriteTransform(PipelineYamlWriter yaml, AttributeData transform, CancellationToken cancellationToken)
    {
        var location = Location(transform, null, cancellationToken);
        var name = transform.AttributeClass!.Name;
        var type = name switch
        {
            "RemoveNullsAttribute" or "ImputeNullsAttribute" => "null_remover",
            "DeduplicateAttribute" => "deduplicator",
            _ => "quality_scorer",
        };
        yaml.Item(2, "type", type, location);
        if (name == "ImputeNullsAttribute")
        {
            // One imputed field per attribute: the file form's impute and fill_values, for that field.
            var field = transform.ConstructorArguments[0].Value as string ?? "";
            yaml.Open(3, "config", null);
            yaml.Scalar(4, "strategy", new PipelineYamlWriter.RawYaml("impute"), location);
            yaml.Open(4, "impute", null);
            yaml.Scalar(5, field, Value(transform.ConstructorArguments[1]), ArgumentLocation(transform, 0, cancellationToken));
            if (Named(transform, "Value") is { } constant)
            {
                yaml.Open(4, "fill_values", null);
                yaml.Scalar(5, field, constant, Location(transform, "Value", cancellationToken));
            }

            return;
        }

        yaml.Open(3, "config", null);
        var fields = transform.ConstructorArguments.Length > 0 ? transform.ConstructorArguments[0] : default;
        if (fields.Kind == TypedConstantKind.Array && !fields.Values.IsDefaultOrEmpty)
        {
            yaml.List(4, name == "DeduplicateAttribute" ? "key_fields" : "fields", [.. fields.Values.Select(static v => v.Value as string ?? "")], ArgumentLocation(transform, 0, cancellationToken));
        }

        foreach (var argument in transform.NamedArguments)
        {
            var argumentLocation = Location(transform, argument.Key, cancellationToken);
            switch (argument.Key)
            {
                case "KeepLast":
                    yaml.Scalar(4, "strategy", new PipelineYamlWriter.RawYaml(argument.Value.Value is true ? "keep_last" : "keep_first"), argumentLocation);
                    break;
                case "DropBelowMinimum":
                    yaml.Scalar(4, "below_minimum", new PipelineYamlWriter.RawYaml(argument.Value.Value is true ? "drop" : "reject"), argumentLocation);
                    break;
                default:
                    yaml.Scalar(4, FieldNames.ToSnakeCase(argument.Key), Value(argument.Value), argumentLocation);
                    break;
            }
        }
    }

    private static void WriteNamed(PipelineYamlWriter yaml, int depth, AttributeData attribute, CancellationToken cancellationToken, string? except = null)
    {
        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key == except)
            {
                continue;
            }

            var location = Location(attribute, argument.Key, cancellationToken);
            var key = FieldNames.ToSnakeCase(argument.Key);
            if (argument.Value.Kind == TypedConstantKind.Array)
            {
                yaml.List(depth, key, argument.Value.IsNull ? [] : [.. argument.Value.Values.Select(static v => v.Value as string ?? "")], location);
            }
            else
            {
                yaml.Scalar(depth, key, Value(argument.Value), location);
            }
        }
    }

    private static object? Named(AttributeData attribute, string name)
    {
        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key == name)
            {
                return Value(argument.Value);
            }
        }

        return null;
    }

    // An enum member is written as its snake_case name, as the pipeline file spells it.
    private static object? Value(TypedConstant constant)
    {
        if (constant.Kind == TypedConstantKind.Enum && constant.Type is INamedTypeSymbol enumType)
        {
            foreach (var member in enumType.GetMembers().OfType<IFieldSymbol>())
            {
                if (member.HasConstantValue && Equals(member.ConstantValue, constant.Value))
                {
                    return new PipelineYamlWriter.RawYaml(FieldNames.ToSnakeCase(member.Name));
                }
            }
        }

        return constant.Value;
    }

    private static string AdapterType(AttributeData adapter) => adapter.AttributeClass!.Name switch
    {
        "CsvSourceAttribute" or "CsvDestinationAttribute" => "csv",
        "JsonSourceAttribute" or "JsonDestinationAttribute" => "json",
        "SqliteSourceAttribute" or "SqliteDestinationAttribute" => "sqlite",
        _ => "postgres",
    };

    private static EquatableArray<MethodStep> Methods(INamedTypeSymbol type, ITypeSymbol record, List<DiagnosticInfo> diagnostics)
    {
        var steps = new List<(Location Location, MethodStep Step)>();
        foreach (var method in type.GetMembers().OfType<IMethodSymbol>())
        {
            foreach (var attribute in method.GetAttributes())
            {
                var name = attribute.AttributeClass?.ToDisplayString();
                if (name is not ("AiEtl.TransformAttribute" or "AiEtl.FilterAttribute"))
                {
                    continue;
                }

                var isFilter = name == "AiEtl.FilterAttribute";
                var returns = isFilter ? method.ReturnType.SpecialType == SpecialType.System_Boolean : SymbolEqualityComparer.Default.Equals(method.ReturnType, record);
                var takes = method.Parameters.Length == 1 && method.Parameters[0].RefKind == RefKind.None && SymbolEqualityComparer.Default.Equals(method.Parameters[0].Type, record);
                if (!returns || !takes || method.IsGenericMethod)
                {
                    var expected = (isFilter ? "bool " : record.Name + " ") + method.Name + "(" + record.Name + " row)";
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.TransformMethodSignature, LocationInfo.From(method.Locations[0]), method.Name, isFilter ? "[Filter]" : "[Transform]", expected));
                    continue;
                }

                steps.Add((method.Locations[0], new MethodStep(method.Name, isFilter)));
            }
        }

        return new EquatableArray<MethodStep>([.. steps.OrderBy(static s => s.Location.SourceSpan.Start).Select(static s => s.Step)]);
    }

    private static LocationInfo? Location(AttributeData attribute, string? namedArgument, CancellationToken cancellationToken)
    {
        if (attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is not AttributeSyntax syntax)
        {
            return null;
        }

        if (namedArgument is not null && syntax.ArgumentList is { } arguments)
        {
            foreach (var argument in arguments.Arguments)
            {
                if (argument.NameEquals?.Name.Identifier.ValueText == namedArgument)
                {
                    return LocationInfo.From(argument.Expression);
                }
            }
        }

        return LocationInfo.From(syntax);
    }

    private static LocationInfo? ArgumentLocation(AttributeData attribute, int index, CancellationToken cancellationToken) =>
        attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is AttributeSyntax { ArgumentList: { } arguments } && index < arguments.Arguments.Count
            ? LocationInfo.From(arguments.Arguments[index].Expression)
            : Location(attribute, null, cancellationToken);
}
