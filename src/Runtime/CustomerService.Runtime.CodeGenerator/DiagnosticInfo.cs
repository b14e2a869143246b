using System;
using Microsoft.CodeAnalysis;

namespace CustomerService.Runtime.CodeGenerator;

/// <summary>A diagnostic described by value (no symbols or syntax trees kept alive in the pipeline).</summary>
internal sealed record DiagnosticInfo(string Id, string Title, string Message, string? FilePath, TextSpanInfo? Span)
{
    public static DiagnosticInfo Create(string id, string title, string message, ISymbol symbol)
    {
        var location = symbol.Locations.Length > 0 ? symbol.Locations[0] : null;
        var span = location?.SourceTree is null ? null : new TextSpanInfo(location.SourceSpan.Start, location.SourceSpan.Length,
            location.GetLineSpan().StartLinePosition.Line, location.GetLineSpan().StartLinePosition.Character,
            location.GetLineSpan().EndLinePosition.Line, location.GetLineSpan().EndLinePosition.Character);
        return new DiagnosticInfo(id, title, message, location?.SourceTree?.FilePath, span);
    }

    public Diagnostic ToDiagnostic()
    {
        var descriptor = new DiagnosticDescriptor(Id, Title, "{0}", "CustomerService.Runtime", DiagnosticSeverity.Error, isEnabledByDefault: true);
        var location = FilePath is null || Span is null
            ? Location.None
            : Location.Create(FilePath, new Microsoft.CodeAnalysis.Text.TextSpan(Span.Start, Span.Length),
                new Microsoft.CodeAnalysis.Text.LinePositionSpan(
                    new Microsoft.CodeAnalysis.Text.LinePosition(Span.StartLine, Span.StartColumn),
                    new Microsoft.CodeAnalysis.Text.LinePosition(Span.EndLine, Span.EndColumn)));
        return Diagnostic.Create(descriptor, location, Message);
    }
}

internal sealed record TextSpanInfo(int Start, int Length, int StartLine, int StartColumn, int EndLine, int EndColumn);
