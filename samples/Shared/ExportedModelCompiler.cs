using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TorchSharp;

namespace Parsec.Samples.FashionMnist;

/// <summary>
/// Compiles exported model source in memory against the framework and TorchSharp only, so the sample retrains
/// exactly the code a user would ship, and proves it needs nothing from Parsec.
/// </summary>
public static class ExportedModelCompiler
{
    /// <summary>Compiles <paramref name="source"/> and creates <paramref name="typeName"/> with <paramref name="arguments"/>.</summary>
    /// <exception cref="InvalidOperationException">The source does not compile; the message lists the errors.</exception>
    public static T CreateInstance<T>(string source, string typeName, params object?[] arguments) where T : class =>
        Factory<T>(source, typeName, arguments)();

    /// <summary>
    /// Compiles <paramref name="source"/> once and returns what creates a new <paramref name="typeName"/> with
    /// <paramref name="arguments"/> at each call (replicas of one model).
    /// </summary>
    /// <exception cref="InvalidOperationException">The source does not compile, or has no such type; the message says which.</exception>
    public static Func<T> Factory<T>(string source, string typeName, params object?[] arguments) where T : class
    {
        var assembly = Compile(source, typeName);
        var type = assembly.GetType(typeName)
            ?? throw new InvalidOperationException($"The exported source has no type '{typeName}'.");
        return () => (T)(Activator.CreateInstance(type, arguments)
            ?? throw new InvalidOperationException($"Could not create '{typeName}'."));
    }

    private static Assembly Compile(string source, string assemblyName)
    {
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest));
        var compilation = CSharpCompilation.Create(
            assemblyName + ".Exported",
            new[] { tree },
            References(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable,
                optimizationLevel: OptimizationLevel.Release));
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        var problems = result.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        if (!result.Success || problems.Count > 0)
            throw new InvalidOperationException(
                "The exported model does not compile cleanly:" + Environment.NewLine
                + string.Join(Environment.NewLine, problems.Select(d => "  " + d)));
        return Assembly.Load(image.ToArray());
    }

    private static IEnumerable<MetadataReference> References()
    {
        var framework = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(path => Path.GetFileName(path).StartsWith("System.", StringComparison.Ordinal)
                           || Path.GetFileName(path) is "mscorlib.dll" or "netstandard.dll");
        return framework.Append(typeof(torch).Assembly.Location)
            .Distinct()
            .Select(path => MetadataReference.CreateFromFile(path));
    }
}
