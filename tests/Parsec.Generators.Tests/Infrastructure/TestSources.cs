namespace Parsec.Generators.Tests.Infrastructure;

/// <summary>The cells the golden, incrementality and robustness tests run the generator over.</summary>
internal static class TestSources
{
    public const string DartsOps = """
        using Parsec;
        using TorchSharp;
        using static TorchSharp.torch;

        namespace Darts;

        /// <summary>The seven DARTS operations, reduced to what a test needs.</summary>
        [CandidateSet]
        public static class DartsOps
        {
            [Candidate] public static nn.Module<Tensor, Tensor> SepConv3x3(int channels, int stride) => Conv(channels, 3, stride);
            [Candidate] public static nn.Module<Tensor, Tensor> SepConv5x5(int channels, int stride) => Conv(channels, 5, stride);
            [Candidate] public static nn.Module<Tensor, Tensor> DilConv3x3(int channels, int stride) => Conv(channels, 3, stride);
            [Candidate] public static nn.Module<Tensor, Tensor> DilConv5x5(int channels, int stride) => Conv(channels, 5, stride);
            [Candidate] public static nn.Module<Tensor, Tensor> MaxPool3x3(int channels, int stride) => nn.MaxPool2d(3, stride, 1);
            [Candidate] public static nn.Module<Tensor, Tensor> AvgPool3x3(int channels, int stride) => nn.AvgPool2d(3, stride, 1);
            [Candidate]
            public static nn.Module<Tensor, Tensor> SkipConnect(int channels, int stride) => nn.Identity();

            // A helper the candidates share: the exporter carries it along.
            private static nn.Module<Tensor, Tensor> Conv(int channels, int kernel, int stride) =>
                nn.Conv2d(channels, channels, kernel, stride: stride, padding: kernel / 2, groups: channels, bias: false);
        }
        """;

    public const string DartsCell = """
        using Parsec;
        using TorchSharp;
        using static TorchSharp.torch;

        namespace Darts;

        /// <summary>A DARTS normal cell: four nodes, each adding two earlier states through a searched operation.</summary>
        [SearchCell]
        public sealed partial class NormalCell : nn.Module<Tensor, Tensor, Tensor>
        {
            private readonly nn.Module<Tensor, Tensor> projection;

            /// <summary>Creates the cell.</summary>
            public NormalCell(int channels) : base(nameof(NormalCell))
            {
                for (int input = 0; input < 2; input++) BuildNode0Op(input, channels, 1);
                for (int input = 0; input < 3; input++) BuildNode1Op(input, channels, 1);
                for (int input = 0; input < 4; input++) BuildNode2Op(input, channels, 1);
                for (int input = 0; input < 5; input++) BuildNode3Op(input, channels, 1);
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

            /// <summary>Runs the cell on the outputs of the two previous cells.</summary>
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
                return projection.call(cat(new[] { n0, n1, n2, n3 }, 1));
            }
        }
        """;

    public const string ChainCell = """
        using Parsec;
        using TorchSharp;
        using static TorchSharp.torch;

        namespace Chains;

        /// <summary>Activations for a chain.</summary>
        [CandidateSet]
        public static class Activations
        {
            [Candidate] public static nn.Module<Tensor, Tensor> Relu(int features) => nn.ReLU();
            [Candidate] public static nn.Module<Tensor, Tensor> Gelu(int features) => nn.GELU();
            [Candidate] public static nn.Module<Tensor, Tensor> Tanh(int features) => nn.Tanh();
        }

        /// <summary>A chain of linear layers whose activation, skip source, depth, scale and name are searched.</summary>
        [SearchCell(SharedArchitecture = false)]
        public sealed partial class ChainCell : nn.Module<Tensor, Tensor>
        {
            private readonly nn.Module<Tensor, Tensor> linear;

            /// <summary>Creates the chain.</summary>
            public ChainCell(int features) : base(nameof(ChainCell))
            {
                linear = nn.Linear(features, features);
                BuildAct(features);
                RegisterComponents();
            }

            [Choice(typeof(Activations))] private partial Tensor Act(Tensor x);
            [InputChoice] private partial Tensor Skip(Tensor input, Tensor hidden);
            [ValueChoice(1, 2, 3)] private partial int Depth { get; }
            [ValueChoice(0.5, 1.0)] private partial double Scale { get; }
            [ValueChoice("wide", "narrow")] private partial string Label { get; }

            /// <summary>Runs the chain.</summary>
            public override Tensor forward(Tensor input)
            {
                var hidden = input;
                for (int i = 0; i < Depth; i++) hidden = Act(linear.call(hidden));
                return Skip(input, hidden) * Scale;
            }
        }
        """;

    public const string NestedCell = """
        using Parsec;
        using TorchSharp;
        using static TorchSharp.torch;

        namespace Outer.Inner
        {
            internal static partial class Blocks
            {
                /// <summary>Normalizations, nested in a containing class too.</summary>
                [CandidateSet]
                internal static class Norms
                {
                    [Candidate] internal static nn.Module<Tensor, Tensor> Layer(long features) => nn.LayerNorm(features);
                    [Candidate] internal static nn.Module<Tensor, Tensor> None(long features) => nn.Identity();
                }

                /// <summary>An internal cell nested in a static class.</summary>
                [SearchCell]
                internal sealed partial class NormBlock : nn.Module<Tensor, Tensor>
                {
                    public NormBlock(long features) : base(nameof(NormBlock))
                    {
                        BuildNorm(features);
                        RegisterComponents();
                    }

                    [Choice(typeof(Norms))] private partial Tensor Norm(Tensor x);

                    public override Tensor forward(Tensor x) => Norm(x);
                }
            }
        }
        """;

    public const string Network = """
        using Parsec;
        using TorchSharp;
        using static TorchSharp.torch;

        namespace Darts;

        /// <summary>A network of DARTS cells.</summary>
        [SearchModel]
        public sealed partial class DartsNetwork : nn.Module<Tensor, Tensor>
        {
            private readonly NormalCell cell;

            /// <summary>Creates the network.</summary>
            public DartsNetwork(int channels) : base(nameof(DartsNetwork))
            {
                cell = new NormalCell(channels);
                RegisterComponents();
            }

            /// <summary>Runs the network.</summary>
            public override Tensor forward(Tensor input) => cell.call(input, input);
        }
        """;
}
