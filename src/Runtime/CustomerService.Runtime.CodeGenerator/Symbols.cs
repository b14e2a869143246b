using System.Linq;
using Microsoft.CodeAnalysis;

namespace CustomerService.Runtime.CodeGenerator;

/// <summary>Names and tests on symbols shared by the emitters.</summary>
internal static class Symbols
{
    public const string RuntimeNamespace = "CustomerService.Runtime";

    public static readonly SymbolDisplayFormat TypeFormat = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    public static string Display(ITypeSymbol type) => type.ToDisplayString(TypeFormat);

    public static bool IsRuntimeType(ITypeSymbol? type, string name)
        => type is not null && type.Name == name && type.ContainingNamespace?.ToDisplayString() == RuntimeNamespace;

    /// <summary>True for user interfaces that are grains or observers (not the runtime's marker interfaces).</summary>
    public static bool IsGrainInterface(INamedTypeSymbol type)
        => type.TypeKind == TypeKind.Interface
           && type.ContainingNamespace?.ToDisplayString() != RuntimeNamespace
           && type.AllInterfaces.Any(i => IsRuntimeType(i, "IGrain") || IsRuntimeType(i, "IGrainObserver"));

    public static AttributeData? FindAttribute(ISymbol symbol, string name)
        => symbol.GetAttributes().FirstOrDefault(a => IsRuntimeType(a.AttributeClass, name));

    /// <summary>The stable alias: <c>[Alias("...")]</c> or the full name.</summary>
    public static string Alias(INamedTypeSymbol type)
        => FindAttribute(type, "AliasAttribute")?.ConstructorArguments.FirstOrDefault().Value as string
           ?? type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat).Replace("global::", "");

    /// <summary>A C# identifier unique per type, for generated class names.</summary>
    public static string Mangle(INamedTypeSymbol type)
        => new string(type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat).Replace("global::", "")
            .Select(c => char.IsLetterOrDigit(c) ? c : '_').ToArray());

    public static string Literal(string value) => "@\"" + value.Replace("\"", "\"\"") + "\"";
}
