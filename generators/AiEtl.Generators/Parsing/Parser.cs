using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AiEtl.Generators;

/// <summary>
/// Turns one <c>[EtlRecord]</c> declaration into an <see cref="EtlRecordSpec"/> and the diagnostics found on the way.
/// This is the only place that looks at symbols and syntax; what it returns is plain data.
/// </summary>
internal sealed class Parser
{
    private const string DefaultVersion = "1.0";

    private readonly CancellationToken _cancellationToken;
    private readonly List<DiagnosticInfo> _diagnostics = new();

    /// <summary>Set when generating would only add errors to those the compiler reports already.</summary>
    private bool _hasCompilerErrors;

    private Parser(CancellationToken cancellationToken)
    {
        _cancellationToken = cancellationToken;
    }

    /// <summary>
    /// Parses the declaration that <c>ForAttributeWithMetadataName</c> found. Never throws, except to cancel:
    /// an unexpected failure becomes an AIETL0099 diagnostic.
    /// </summary>
    public static Result<EtlRecordSpec?> Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        var declaration = (TypeDeclarationSyntax)context.TargetNode;
        return Guard(
            declaration,
            () => new Parser(cancellationToken).ParseRecord(declaration, (INamedTypeSymbol)context.TargetSymbol, context.Attributes[0]));
    }

    /// <summary>Runs <paramref name="parse"/>; an exception other than cancellation becomes AIETL0099 at the type's name.</summary>
    internal static Result<EtlRecordSpec?> Guard(TypeDeclarationSyntax declaration, Func<Result<EtlRecordSpec?>> parse)
    {
        try
        {
            return parse();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            var failure = DiagnosticInfo.Create(
                DiagnosticDescriptors.GeneratorFailed,
                LocationInfo.From(declaration.Identifier),
                declaration.Identifier.ValueText,
                Describe(exception));
            return new Result<EtlRecordSpec?>(null, new EquatableArray<DiagnosticInfo>(new[] { failure }));
        }
    }

    /// <summary>One line that names an unexpected exception, for AIETL0099.</summary>
    public static string Describe(Exception exception)
    {
        return exception.GetType().FullName + ": " + exception.Message.Replace("\r", " ").Replace("\n", " ");
    }

    private Result<EtlRecordSpec?> ParseRecord(TypeDeclarationSyntax declaration, INamedTypeSymbol type, AttributeData attribute)
    {
        if (!IsFirstAttributedDeclaration(type, attribute))
        {
            // [EtlRecord] on two parts of one type: the compiler reports CS0579; generate once, from the first.
            return Finish(null);
        }

        if (!CheckPartial(declaration, type))
        {
            return Finish(null);
        }

        var primaryConstructor = type.IsRecord ? FindPrimaryConstructor(type) : null;
        var constructible = !type.IsAbstract
            && !type.IsStatic
            && (primaryConstructor is not null
                || type.IsValueType
                || type.InstanceConstructors.Any(constructor => constructor.Parameters.Length == 0));
        if (!constructible)
        {
            Report(DiagnosticDescriptors.CannotConstructRecord, LocationInfo.From(declaration.Identifier), type.ToDisplayString());
        }

        var fields = ParseFields(type, primaryConstructor);
        var sample = GetSample(attribute);
        if (fields.Count == 0 && sample is null && !HasErrors() && !_hasCompilerErrors)
        {
            Report(DiagnosticDescriptors.RecordHasNoFields, LocationInfo.From(declaration.Identifier), type.ToDisplayString());
        }

        CheckDuplicateNames(fields);
        CheckReservedMemberNames(type, fields);
        var schemaName = GetSingleStringArgument(attribute);
        if (schemaName is not null && schemaName.Trim().Length == 0)
        {
            Report(DiagnosticDescriptors.EmptyName, ArgumentLocation(attribute, 0), "EtlRecord", "a schema name is a table name; remove the argument to use the type name");
        }

        if (HasErrors() || _hasCompilerErrors)
        {
            return Finish(null);
        }

        var containingTypes = new List<INamedTypeSymbol>();
        for (var containing = type.ContainingType; containing is not null; containing = containing.ContainingType)
        {
            containingTypes.Insert(0, containing);
        }

        var spec = new EtlRecordSpec(
            Namespace: type.ContainingNamespace.IsGlobalNamespace
                ? null
                : type.ContainingNamespace.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat.WithGlobalNamespaceStyle(SymbolDisplayGlobalNamespaceStyle.Omitted)),
            ContainingTypes: containingTypes.Select(containing => new ContainingTypeSpec(GetKeyword(containing), GetDeclaredName(containing))).ToEquatableArray(),
            Keyword: GetKeyword(type),
            Name: GetDeclaredName(type),
            FullyQualifiedName: type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            HintName: GetHintName(type, containingTypes),
            SchemaName: GetSchemaName(type, attribute),
            Version: GetVersion(attribute),
            Fields: fields.Select(field => field.Spec).ToEquatableArray())
        {
            Sample = sample,
        };
        return Finish(spec);
    }

    private Result<EtlRecordSpec?> Finish(EtlRecordSpec? spec)
    {
        return new Result<EtlRecordSpec?>(spec, _diagnostics.ToEquatableArray());
    }

    private bool HasErrors() => _diagnostics.Any(diagnostic => diagnostic.Descriptor.DefaultSeverity == DiagnosticSeverity.Error);

    internal void Report(DiagnosticDescriptor descriptor, LocationInfo? location, params string[] messageArgs)
    {
        _diagnostics.Add(DiagnosticInfo.Create(descriptor, location, messageArgs));
    }

    private bool IsFirstAttributedDeclaration(INamedTypeSymbol type, AttributeData attribute)
    {
        var first = type.GetAttributes().FirstOrDefault(candidate => IsAiEtlAttribute(candidate, "EtlRecordAttribute"));
        var firstSyntax = first?.ApplicationSyntaxReference;
        var thisSyntax = attribute.ApplicationSyntaxReference;
        return firstSyntax is null
            || thisSyntax is null
            || (firstSyntax.SyntaxTree == thisSyntax.SyntaxTree && firstSyntax.Span == thisSyntax.Span);
    }

    /// <summary>Reports AIETL0001 for the record and for each type around it that is not partial.</summary>
    private bool CheckPartial(TypeDeclarationSyntax declaration, INamedTypeSymbol type)
    {
        var recordName = type.ToDisplayString();
        var isPartial = true;
        TypeDeclarationSyntax? current = declaration;
        INamedTypeSymbol? currentType = type;
        while (current is not null && currentType is not null)
        {
            if (!current.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                Report(DiagnosticDescriptors.TypeMustBePartial, LocationInfo.From(current.Identifier), currentType.ToDisplayString(), recordName);
                isPartial = false;
            }

            current = current.Parent as TypeDeclarationSyntax;
            currentType = currentType.ContainingType;
        }

        return isPartial;
    }

    /// <summary>The primary constructor of a positional record that has parameters, or <see langword="null"/>.</summary>
    private IMethodSymbol? FindPrimaryConstructor(INamedTypeSymbol type)
    {
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(_cancellationToken) is not TypeDeclarationSyntax { ParameterList: { Parameters.Count: > 0 } parameterList })
            {
                continue;
            }

            foreach (var constructor in type.InstanceConstructors)
            {
                if (constructor.Parameters.Length == parameterList.Parameters.Count
                    && constructor.Parameters[0].DeclaringSyntaxReferences.Any(parameter =>
                        parameter.SyntaxTree == parameterList.SyntaxTree && parameterList.Span.Contains(parameter.Span)))
                {
                    return constructor;
                }
            }
        }

        return null;
    }

    private List<ParsedField> ParseFields(INamedTypeSymbol type, IMethodSymbol? primaryConstructor)
    {
        var fields = new List<ParsedField>();
        var positionalNames = new HashSet<string>(StringComparer.Ordinal);
        if (primaryConstructor is not null)
        {
            foreach (var parameter in primaryConstructor.Parameters)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                positionalNames.Add(parameter.Name);
                var member = FindInstanceMember(type, parameter.Name);
                var syntax = parameter.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(_cancellationToken) as ParameterSyntax;
                var attributes = member is null
                    ? parameter.GetAttributes()
                    : parameter.GetAttributes().AddRange(member.GetAttributes());
                AddField(fields, new FieldCandidate(
                    parameter.Name,
                    parameter.Type,
                    attributes,
                    syntax?.Type is { } typeSyntax ? LocationInfo.From(typeSyntax) : LocationInfo.From(parameter.Locations[0]),
                    syntax is null ? LocationInfo.From(parameter.Locations[0]) : LocationInfo.From(syntax.Identifier),
                    Identifiers.Escape(parameter.Name)));
            }
        }

        foreach (var member in type.GetMembers())
        {
            _cancellationToken.ThrowIfCancellationRequested();
            if (member is not IPropertySymbol property
                || property.IsStatic
                || property.IsIndexer
                || property.DeclaredAccessibility != Accessibility.Public
                || property.GetMethod is null
                || property.SetMethod is null
                || positionalNames.Contains(property.Name))
            {
                continue;
            }

            var syntax = property.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(_cancellationToken) as PropertyDeclarationSyntax;
            AddField(fields, new FieldCandidate(
                property.Name,
                property.Type,
                property.GetAttributes(),
                syntax is null ? LocationInfo.From(property.Locations[0]) : LocationInfo.From(syntax.Type),
                syntax is null ? LocationInfo.From(property.Locations[0]) : LocationInfo.From(syntax.Identifier),
                ParameterName: null));
        }

        return fields;
    }

    private static ISymbol? FindInstanceMember(INamedTypeSymbol type, string name)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            var member = current.GetMembers(name).FirstOrDefault(candidate => candidate is IPropertySymbol { IsStatic: false } or IFieldSymbol { IsStatic: false });
            if (member is not null)
            {
                return member;
            }
        }

        return null;
    }

    private void AddField(List<ParsedField> fields, FieldCandidate candidate)
    {
        var attributes = new FieldAttributes();
        foreach (var attribute in candidate.Attributes)
        {
            attributes.Add(attribute);
        }

        if (candidate.Type.TypeKind == TypeKind.Error)
        {
            // The compiler reports the unknown type (CS0246).
            _hasCompilerErrors = true;
            return;
        }

        if (!TypeMapping.TryGetValueKind(candidate.Type, out var kind, out var collection, out var enumTypeName, out var isNullableValueType))
        {
            Report(DiagnosticDescriptors.UnsupportedPropertyType, candidate.TypeLocation, candidate.Name, candidate.Type.ToDisplayString());
            return;
        }

        if (attributes.JsonField is not null && kind != FieldValueKind.JsonElement)
        {
            if (kind != FieldValueKind.String || collection != CollectionKind.None)
            {
                Report(DiagnosticDescriptors.JsonFieldMustBeString, AttributeLocation(attributes.JsonField) ?? candidate.TypeLocation, candidate.Name, candidate.Type.ToDisplayString());
                return;
            }

            kind = FieldValueKind.Json;
        }

        var isNullable = isNullableValueType
            || (!candidate.Type.IsValueType && candidate.Type.NullableAnnotation != NullableAnnotation.NotAnnotated);
        if (attributes.PrimaryKey is not null && isNullable)
        {
            Report(DiagnosticDescriptors.NullablePrimaryKey, AttributeLocation(attributes.PrimaryKey) ?? candidate.TypeLocation, candidate.Name, candidate.Type.ToDisplayString());
            return;
        }

        var fieldName = GetSingleStringArgument(attributes.FieldName);
        if (fieldName is not null && fieldName.Trim().Length == 0)
        {
            Report(DiagnosticDescriptors.EmptyName, ArgumentLocation(attributes.FieldName!, 0), "FieldName", "a field name is a CSV header, a JSON property and a column name; remove the attribute to use the property name in snake_case");
            return;
        }

        var spec = new FieldSpec(
            Identifiers.Escape(candidate.Name),
            fieldName ?? FieldNames.ToSnakeCase(candidate.Name),
            kind,
            enumTypeName,
            isNullable,
            isNullableValueType,
            attributes.PrimaryKey is not null,
            candidate.ParameterName)
        {
            Collection = collection,
            Description = GetSingleStringArgument(attributes.Description) is { Length: > 0 } description ? description : null,
        };

        var valueType = isNullableValueType ? ((INamedTypeSymbol)candidate.Type).TypeArguments[0] : candidate.Type;
        var constraints = new ConstraintParser(this, candidate.Name, candidate.Type.ToDisplayString(), valueType, spec);
        spec = constraints.Parse(attributes);
        if (spec is null)
        {
            return;
        }

        fields.Add(new ParsedField(spec, candidate.Name, candidate.NameLocation ?? candidate.TypeLocation));
    }

    /// <summary>Reports AIETL0012 for each member whose name a generated member of the record takes.</summary>
    private void CheckReservedMemberNames(INamedTypeSymbol type, List<ParsedField> fields)
    {
        var reserved = new List<string> { "Schema", "ReadFields", "WriteFields", "Validate" };
        reserved.AddRange(fields.Where(field => field.Spec.Pattern is not null).Select(field => Identifiers.PatternFieldName(field.Spec.PropertyName)));
        foreach (var name in reserved)
        {
            var member = type.GetMembers(name).FirstOrDefault(candidate => !candidate.IsImplicitlyDeclared || candidate.Locations.Any(location => location.IsInSource));
            var location = member?.Locations.FirstOrDefault(candidate => candidate.IsInSource);
            if (location is not null)
            {
                Report(DiagnosticDescriptors.ReservedMemberName, LocationInfo.From(location), type.ToDisplayString(), name);
            }
        }
    }

    private void CheckDuplicateNames(List<ParsedField> fields)
    {
        var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var field in fields)
        {
            if (seen.TryGetValue(field.Spec.FieldName, out var first))
            {
                Report(DiagnosticDescriptors.DuplicateFieldName, field.NameLocation, field.Name, field.Spec.FieldName, first);
            }
            else
            {
                seen.Add(field.Spec.FieldName, field.Name);
            }
        }
    }

    internal LocationInfo? AttributeLocation(AttributeData attribute)
    {
        var syntax = attribute.ApplicationSyntaxReference?.GetSyntax(_cancellationToken);
        return syntax is null ? null : LocationInfo.From(syntax);
    }

    /// <summary>The location of the attribute's <paramref name="index"/>th argument, or of the whole attribute when it has no such argument.</summary>
    internal LocationInfo? ArgumentLocation(AttributeData attribute, int index)
    {
        var syntax = attribute.ApplicationSyntaxReference?.GetSyntax(_cancellationToken) as AttributeSyntax;
        if (syntax?.ArgumentList is { } arguments && index < arguments.Arguments.Count)
        {
            return LocationInfo.From(arguments.Arguments[index]);
        }

        return syntax is null ? null : LocationInfo.From(syntax);
    }

    internal static bool IsAiEtlAttribute(AttributeData attribute, string name)
    {
        return attribute.AttributeClass is { } attributeClass
            && attributeClass.Name == name
            && attributeClass.ContainingNamespace is { Name: "AiEtl", ContainingNamespace.IsGlobalNamespace: true };
    }

    private static string GetSchemaName(INamedTypeSymbol type, AttributeData attribute)
    {
        return GetSingleStringArgument(attribute) ?? type.Name;
    }

    internal static string? GetSingleStringArgument(AttributeData? attribute)
    {
        return attribute is { ConstructorArguments.Length: 1 } ? attribute.ConstructorArguments[0].Value as string : null;
    }

    // The Sample named argument and the location of its value, or null when there is none.
    private SampleRequest? GetSample(AttributeData attribute)
    {
        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key == "Sample" && argument.Value.Value is string path)
            {
                var syntax = attribute.ApplicationSyntaxReference?.GetSyntax(_cancellationToken) as AttributeSyntax;
                var written = syntax?.ArgumentList?.Arguments.FirstOrDefault(candidate => candidate.NameEquals?.Name.Identifier.ValueText == "Sample");
                return new SampleRequest(path, written is null ? AttributeLocation(attribute) : LocationInfo.From(written.Expression));
            }
        }

        return null;
    }

    private static string GetVersion(AttributeData attribute)
    {
        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key == "Version" && argument.Value.Value is string version)
            {
                return version;
            }
        }

        return DefaultVersion;
    }

    private static string GetKeyword(INamedTypeSymbol type)
    {
        if (type.TypeKind == TypeKind.Interface)
        {
            return "interface";
        }

        if (type.IsRecord)
        {
            return type.IsValueType ? "record struct" : "record";
        }

        return type.IsValueType ? "struct" : "class";
    }

    private static string GetDeclaredName(INamedTypeSymbol type)
    {
        var name = Identifiers.Escape(type.Name);
        return type.TypeParameters.Length == 0
            ? name
            : name + "<" + string.Join(", ", type.TypeParameters.Select(parameter => Identifiers.Escape(parameter.Name))) + ">";
    }

    /// <summary><c>Namespace.Outer.Type.EtlRecord.g.cs</c>, with metadata names so that <c>T</c> and <c>T&lt;U&gt;</c> differ.</summary>
    private static string GetHintName(INamedTypeSymbol type, List<INamedTypeSymbol> containingTypes)
    {
        var parts = new List<string>();
        for (var current = type.ContainingNamespace; current is { IsGlobalNamespace: false }; current = current.ContainingNamespace)
        {
            parts.Insert(0, current.Name);
        }

        parts.AddRange(containingTypes.Select(containing => containing.MetadataName));
        parts.Add(type.MetadataName);
        parts.Add("EtlRecord.g.cs");
        return string.Join(".", parts);
    }

    /// <summary>A property or positional parameter that may become a field.</summary>
    private sealed record FieldCandidate(
        string Name,
        ITypeSymbol Type,
        IEnumerable<AttributeData> Attributes,
        LocationInfo? TypeLocation,
        LocationInfo? NameLocation,
        string? ParameterName);

    /// <summary>A field, with what the duplicate-name check needs to report it.</summary>
    private sealed record ParsedField(FieldSpec Spec, string Name, LocationInfo? NameLocation);
}
