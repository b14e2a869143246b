using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CustomerService.Runtime.CodeGenerator.Tests;

/// <summary>Runs the generator on small programs, as the compiler does during a build.</summary>
public sealed class GeneratorTests
{
    [Fact]
    public void AValidGrainCompilesWithAProxyARequestPerMethodAndARegistration()
    {
        var (output, diagnostics) = Generate("""
            using System.Threading.Tasks;
            using CustomerService.Runtime;
            namespace Shop;
            public interface ICart : IGrainWithStringKey
            {
                Task Add(string item, int count);
                Task<int> Count();
                [OneWay] ValueTask Touch();
                [ReadOnly] ValueTask<string[]> Items();
            }
            [Alias("cart")]
            public sealed class Cart([PersistentState("cart")] IPersistentState<CartState> state) : Grain, ICart
            {
                public Task Add(string item, int count) => Task.CompletedTask;
                public Task<int> Count() => Task.FromResult(0);
                public ValueTask Touch() => ValueTask.CompletedTask;
                public ValueTask<string[]> Items() => new(new string[0]);
            }
            public sealed class CartState { public int Count { get; set; } }
            """);

        Assert.Empty(diagnostics);
        var generated = string.Join("\n", output.SyntaxTrees.Select(t => t.ToString()));
        Assert.Contains("Shop_ICart_Proxy", generated);
        Assert.Equal(4, CountOccurrences(generated, "GrainManifest.AddRequest("));
        Assert.Contains("\"Shop.ICart.Add\"", generated);
        Assert.Contains("@\"cart\"", generated);
        Assert.Contains("context.GetPersistentState<global::Shop.CartState>(@\"cart\", @\"Default\")", generated);
        Assert.Contains("InvokeMethodOptions.OneWay", generated);
        Assert.Contains("InvokeMethodOptions.ReadOnly", generated);
    }

    [Fact]
    public void OverloadsGetDistinctWireNames()
    {
        var (output, diagnostics) = Generate("""
            using System.Threading.Tasks;
            using CustomerService.Runtime;
            public interface IOverloaded : IGrainWithStringKey
            {
                Task Say(string text);
                Task Say(string text, int times);
                Task Say(int code);
            }
            """);

        Assert.Empty(diagnostics);
        var generated = string.Join("\n", output.SyntaxTrees.Select(t => t.ToString()));
        Assert.Contains("\"IOverloaded.Say`2\"", generated);
        Assert.Contains("\"IOverloaded.Say(string)\"", generated);
        Assert.Contains("\"IOverloaded.Say(int)\"", generated);
    }

    [Fact]
    public void ParametersMayTakeTheNamesTheProxyUsesInternally()
    {
        var (_, diagnostics) = Generate("""
            using System.Threading.Tasks;
            using CustomerService.Runtime;
            public interface IRouter : IGrainWithStringKey
            {
                Task<int> Enqueue(string request, int arg0);
                Task Send(string text, string? draft = null);
            }
            """);

        Assert.Empty(diagnostics);
    }

    [Theory]
    [InlineData("int Now();", "CSR003")]
    [InlineData("Task<T> Get<T>();", "CSR002")]
    [InlineData("Task Fill(ref int value);", "CSR004")]
    [InlineData("[OneWay] Task<int> Fire();", "CSR005")]
    public void AGrainMethodTheRuntimeCannotCallIsACompileError(string method, string id)
    {
        var (_, diagnostics) = Generate($$"""
            using System.Threading.Tasks;
            using CustomerService.Runtime;
            public interface IBad : IGrainWithStringKey
            {
                {{method}}
            }
            """);

        var diagnostic = Assert.Single(diagnostics, d => d.Id.StartsWith("CSR", StringComparison.Ordinal));
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Contains("IBad", diagnostic.GetMessage());
    }

    [Fact]
    public void AGrainClassWithoutAGrainInterfaceIsACompileError()
    {
        var (_, diagnostics) = Generate("""
            using CustomerService.Runtime;
            public sealed class Lonely : Grain { }
            """);

        Assert.Equal("CSR011", Assert.Single(diagnostics, d => d.Id.StartsWith("CSR", StringComparison.Ordinal)).Id);
    }

    private static (Compilation Output, ImmutableArray<Diagnostic> Diagnostics) Generate(string source)
    {
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Select(path => MetadataReference.CreateFromFile(path))
            .Append(MetadataReference.CreateFromFile(typeof(Grain).Assembly.Location));
        var parseOptions = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.CSharp12);
        var compilation = CSharpCompilation.Create("Sample",
            [CSharpSyntaxTree.ParseText(source, parseOptions)],
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var driver = CSharpGeneratorDriver.Create([new GrainCodeGenerator().AsSourceGenerator()], parseOptions: parseOptions);
        driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var errors = generatorDiagnostics.AddRange(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        return (output, errors);
    }

    private static int CountOccurrences(string text, string value)
    {
        var count = 0;
        for (var index = text.IndexOf(value, StringComparison.Ordinal); index >= 0; index = text.IndexOf(value, index + 1, StringComparison.Ordinal)) count++;
        return count;
    }
}
