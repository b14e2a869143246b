using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace CustomerService.Runtime.CodeGenerator;

internal sealed record ParameterModel(string Type, string Name);

/// <summary>What the emitter needs to know about one grain interface method.</summary>
internal sealed record MethodModel(
    string DeclaringInterface,
    string InterfaceAlias,
    string Name,
    string RequestAlias,
    string ReturnType,
    string? ResultType,
    bool IsValueTask,
    bool IsOneWay,
    bool IsReadOnly,
    bool IsAlwaysInterleave,
    IReadOnlyList<ParameterModel> Parameters)
{
    public static MethodModel? Create(INamedTypeSymbol owner, IMethodSymbol method, List<DiagnosticInfo> diagnostics)
    {
        var where = $"{owner.Name}.{method.Name}";
        if (method.IsGenericMethod)
        {
            diagnostics.Add(DiagnosticInfo.Create("CSR002", "Generic grain methods are not supported",
                $"{where} is generic; grain methods must not have type parameters.", method));
            return null;
        }

        var returnType = method.ReturnType as INamedTypeSymbol;
        var returnName = returnType?.ConstructedFrom.ToDisplayString() ?? "";
        var isTask = returnName is "System.Threading.Tasks.Task" or "System.Threading.Tasks.Task<TResult>";
        var isValueTask = returnName is "System.Threading.Tasks.ValueTask" or "System.Threading.Tasks.ValueTask<TResult>";
        if (returnType is null || (!isTask && !isValueTask))
        {
            diagnostics.Add(DiagnosticInfo.Create("CSR003", "Grain methods must be asynchronous",
                $"{where} returns {method.ReturnType.ToDisplayString()}; grain methods must return Task, Task<T>, ValueTask or ValueTask<T>.", method));
            return null;
        }

        foreach (var parameter in method.Parameters.Where(p => p.RefKind != RefKind.None))
        {
            diagnostics.Add(DiagnosticInfo.Create("CSR004", "ref and out parameters are not supported",
                $"Parameter {parameter.Name} of {where} is passed by reference; grain calls copy their arguments, so pass values.", parameter));
            return null;
        }

        var resultType = returnType.TypeArguments.Length == 1 ? Symbols.Display(returnType.TypeArguments[0]) : null;
        var isOneWay = Symbols.FindAttribute(method, "OneWayAttribute") is not null;
        if (isOneWay && resultType is not null)
        {
            diagnostics.Add(DiagnosticInfo.Create("CSR005", "One-way methods cannot return a value",
                $"{where} is [OneWay] but returns a value; one-way methods must return Task or ValueTask.", method));
            return null;
        }

        var interfaceAlias = Symbols.Alias(owner);
        return new MethodModel(
            Symbols.Display(owner),
            interfaceAlias,
            method.Name,
            interfaceAlias + "." + MethodAlias(owner, method),
            Symbols.Display(method.ReturnType),
            resultType,
            isValueTask,
            isOneWay,
            Symbols.FindAttribute(method, "ReadOnlyAttribute") is not null,
            Symbols.FindAttribute(method, "AlwaysInterleaveAttribute") is not null,
            method.Parameters.Select(p => new ParameterModel(Symbols.Display(p.Type), "@" + p.Name)).ToList());
    }

    /// <summary>[Alias] when given; else the name, qualified by arity or parameter types only when overloaded.</summary>
    private static string MethodAlias(INamedTypeSymbol owner, IMethodSymbol method)
    {
        if (Symbols.FindAttribute(method, "AliasAttribute")?.ConstructorArguments.FirstOrDefault().Value is string alias) return alias;
        var overloads = owner.GetMembers(method.Name).OfType<IMethodSymbol>().ToList();
        if (overloads.Count == 1) return method.Name;
        if (overloads.Count(o => o.Parameters.Length == method.Parameters.Length) == 1)
            return $"{method.Name}`{method.Parameters.Length}";
        return $"{method.Name}({string.Join(",", method.Parameters.Select(p => p.Type.ToDisplayString()))})";
    }
}
