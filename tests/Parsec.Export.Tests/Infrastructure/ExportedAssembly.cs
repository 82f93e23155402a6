using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TorchSharp;
using static TorchSharp.torch;

namespace Parsec.Export.Tests.Infrastructure;

/// <summary>
/// Exported source compiled in memory against the framework and TorchSharp only (no Parsec), with nullable checks
/// on; a warning fails like an error.
/// </summary>
public sealed class ExportedAssembly
{
    private readonly Assembly assembly;

    private ExportedAssembly(Assembly assembly) => this.assembly = assembly;

    /// <summary>Compiles <paramref name="source"/>; throws with every diagnostic if there is any warning or error.</summary>
    public static ExportedAssembly Compile(string source)
    {
        var diagnostics = Diagnose(source, out var image);
        if (diagnostics.Count > 0)
            throw new InvalidOperationException("The exported source does not compile cleanly:\n" + string.Join("\n", diagnostics));
        return new ExportedAssembly(Assembly.Load(image!));
    }

    /// <summary>The warnings and errors of compiling <paramref name="source"/>, and the image when there are none.</summary>
    public static IReadOnlyList<string> Diagnose(string source, out byte[]? image)
    {
        var compilation = CSharpCompilation.Create(
            "Exported" + Guid.NewGuid().ToString("N"),
            new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest)) },
            References(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        var problems = result.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()).ToList();
        image = result.Success && problems.Count == 0 ? stream.ToArray() : null;
        return problems;
    }

    /// <summary>Creates the exported type <paramref name="fullName"/> with <paramref name="arguments"/>.</summary>
    public nn.Module<Tensor, Tensor> Create(string fullName, params object[] arguments)
    {
        var type = assembly.GetType(fullName) ?? throw new InvalidOperationException($"The exported assembly has no type {fullName}.");
        return (nn.Module<Tensor, Tensor>)Activator.CreateInstance(type, arguments)!;
    }

    /// <summary>The assemblies the compilation may use: the framework's and TorchSharp.</summary>
    public static IReadOnlyList<string> ReferencePaths() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(path => Path.GetFileName(path).StartsWith("System.", StringComparison.Ordinal)
                           || Path.GetFileName(path) is "mscorlib.dll" or "netstandard.dll")
            .Append(typeof(torch).Assembly.Location)
            .Distinct()
            .ToList();

    private static IEnumerable<MetadataReference> References() =>
        ReferencePaths().Select(path => MetadataReference.CreateFromFile(path));
}
