using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Parsec.SearchSpace;

namespace Parsec.Bench;

/// <summary>
/// The in-memory project the generator benchmark runs on: one DARTS candidate set, <c>cells</c> DARTS-like cells
/// (four nodes, each an input choice with a per-input operation family, plus an activation and a width choice),
/// <paramref name="cellsPerFile"/> to a file, and a few unrelated files, one of which the warm runs edit.
/// </summary>
internal sealed class GeneratorBenchmarkProject
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private const string UnrelatedPath = "/bench/Unrelated0.cs";

    public GeneratorBenchmarkProject(int cells, int cellsPerFile = 1)
    {
        var trees = new List<SyntaxTree> { Parse("/bench/Ops.cs", Ops) };
        for (int first = 0; first < cells; first += cellsPerFile)
        {
            int file = first / cellsPerFile;
            trees.Add(Parse($"/bench/Cells{file}.cs", CellFile(file, first, Math.Min(cellsPerFile, cells - first))));
            CellFiles++;
        }
        for (int i = 0; i < 5; i++) trees.Add(Parse($"/bench/Unrelated{i}.cs", Unrelated(i, 0)));
        Trees = trees;
    }

    /// <summary>The parsed trees; every compilation of the benchmark shares them, so that no run pays for parsing.</summary>
    public IReadOnlyList<SyntaxTree> Trees { get; }

    /// <summary>How many files hold the cells.</summary>
    public int CellFiles { get; }

    public CSharpCompilation Compilation() =>
        CSharpCompilation.Create("GeneratorBenchmark", Trees, References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>The compilation with the unrelated file's body changed to edit number <paramref name="edit"/>.</summary>
    public static CSharpCompilation EditUnrelated(CSharpCompilation compilation, int edit)
    {
        var old = compilation.SyntaxTrees.Single(tree => tree.FilePath == UnrelatedPath);
        return compilation.ReplaceSyntaxTree(old, Parse(UnrelatedPath, Unrelated(0, edit)));
    }

    private static SyntaxTree Parse(string path, string text) => CSharpSyntaxTree.ParseText(text, ParseOptions, path, Encoding.UTF8);

    private static readonly Lazy<MetadataReference[]> References = new(() =>
    {
        string trusted = (string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!;
        return trusted.Split(Path.PathSeparator)
            .Where(path => Path.GetFileName(path) is var name && (name.StartsWith("System.", StringComparison.Ordinal) || name is "netstandard.dll" or "mscorlib.dll"))
            .Concat(new[]
            {
                typeof(TorchSharp.torch).Assembly.Location,
                typeof(Parsec.SearchSpace.CellSearchSpace).Assembly.Location,
                typeof(Parsec.SearchCellAttribute).Assembly.Location,
            })
            .Distinct()
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToArray();
    });

    private const string Ops = """
        using Parsec;
        using TorchSharp;
        using static TorchSharp.torch;

        namespace Bench.Ops;

        [CandidateSet]
        public static class DartsOps
        {
            [Candidate] public static nn.Module<Tensor, Tensor> SepConv3x3(int channels, int stride) => Conv(channels, 3, stride);
            [Candidate] public static nn.Module<Tensor, Tensor> SepConv5x5(int channels, int stride) => Conv(channels, 5, stride);
            [Candidate] public static nn.Module<Tensor, Tensor> DilConv3x3(int channels, int stride) => Conv(channels, 3, stride);
            [Candidate] public static nn.Module<Tensor, Tensor> DilConv5x5(int channels, int stride) => Conv(channels, 5, stride);
            [Candidate] public static nn.Module<Tensor, Tensor> MaxPool3x3(int channels, int stride) => nn.MaxPool2d(3, stride, 1);
            [Candidate] public static nn.Module<Tensor, Tensor> AvgPool3x3(int channels, int stride) => nn.AvgPool2d(3, stride, 1);
            [Candidate] public static nn.Module<Tensor, Tensor> SkipConnect(int channels, int stride) => nn.Identity();

            private static nn.Module<Tensor, Tensor> Conv(int channels, int kernel, int stride) =>
                nn.Conv2d(channels, channels, kernel, stride: stride, padding: kernel / 2, groups: channels, bias: false);
        }

        [CandidateSet]
        public static class Activations
        {
            [Candidate] public static nn.Module<Tensor, Tensor> Relu(int channels, int stride) => nn.ReLU();
            [Candidate] public static nn.Module<Tensor, Tensor> Gelu(int channels, int stride) => nn.GELU();
        }
        """;

    private static string CellFile(int file, int first, int count)
    {
        var text = new StringBuilder($$"""
            using Parsec;
            using Bench.Ops;
            using TorchSharp;
            using static TorchSharp.torch;

            namespace Bench.Cells{{first / 10}};

            """);
        for (int i = first; i < first + count; i++) text.Append('\n').Append(Cell(i)).Append('\n');
        return text.ToString();
    }

    private static string Cell(int index) => $$"""
        /// <summary>DARTS-like cell number {{index}}.</summary>
        [SearchCell]
        public sealed partial class Cell{{index}} : nn.Module<Tensor, Tensor, Tensor>
        {
            private readonly nn.Module<Tensor, Tensor> projection;

            public Cell{{index}}(int channels) : base(nameof(Cell{{index}}))
            {
                for (int input = 0; input < 2; input++) BuildNode0Op(input, channels, 1);
                for (int input = 0; input < 3; input++) BuildNode1Op(input, channels, 1);
                for (int input = 0; input < 4; input++) BuildNode2Op(input, channels, 1);
                for (int input = 0; input < 5; input++) BuildNode3Op(input, channels, 1);
                BuildAct(channels, 1);
                projection = nn.Conv2d(4 * channels, channels, 1);
                RegisterComponents();
            }

            [InputChoice(Count = 2)] private partial Tensor[] Node0Inputs(Tensor s0, Tensor s1);
            [Choice(typeof(DartsOps), PerInput = nameof(Node0Inputs))] private partial Tensor Node0Op(int slot, Tensor x);
            [InputChoice(Count = 2)] private partial Tensor[] Node1Inputs(Tensor s0, Tensor s1, Tensor n0);
            [Choice(typeof(DartsOps), PerInput = nameof(Node1Inputs))] private partial Tensor Node1Op(int slot, Tensor x);
            [InputChoice(Count = 2)] private partial Tensor[] Node2Inputs(Tensor s0, Tensor s1, Tensor n0, Tensor n1);
            [Choice(typeof(DartsOps), PerInput = nameof(Node2Inputs))] private partial Tensor Node2Op(int slot, Tensor x);
            [InputChoice(Count = 2)] private partial Tensor[] Node3Inputs(Tensor s0, Tensor s1, Tensor n0, Tensor n1, Tensor n2);
            [Choice(typeof(DartsOps), PerInput = nameof(Node3Inputs))] private partial Tensor Node3Op(int slot, Tensor x);
            [Choice(typeof(Activations))] private partial Tensor Act(Tensor x);
            [ValueChoice(1, 2)] private partial int Width { get; }

            public override Tensor forward(Tensor s0, Tensor s1)
            {
                var x0 = Node0Inputs(s0, s1);
                var n0 = Node0Op(0, x0[0]) + Node0Op(1, x0[1]);
                var x1 = Node1Inputs(s0, s1, n0);
                var n1 = Node1Op(0, x1[0]) + Node1Op(1, x1[1]);
                var x2 = Node2Inputs(s0, s1, n0, n1);
                var n2 = Node2Op(0, x2[0]) + Node2Op(1, x2[1]);
                var x3 = Node3Inputs(s0, s1, n0, n1, n2);
                var n3 = Node3Op(0, x3[0]) + Node3Op(1, x3[1]);
                return Act(projection.call(cat(new[] { n0, n1, n2, n3 }, 1))) * Width;
            }
        }
        """;

    private static string Unrelated(int index, int edit) => $$"""
        namespace Bench.Unrelated;

        public static class Helper{{index}}
        {
            public static int Value() => {{edit}};
        }
        """;
}
