using System.IO;
using System.Linq;
using Parsec.Export.Tests.Infrastructure;
using Parsec.SearchSpace;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace Parsec.Export.Tests;

/// <summary>What the export writes: the weights of the chosen path only, byte-identical files for the same inputs, and a model that trains.</summary>
public sealed class ExportFileTests
{
    [Fact]
    public void Weights_hold_the_chosen_path_and_nothing_else()
    {
        using var directory = new TemporaryDirectory();
        var supernet = ChainModels.Create();
        var result = new ModelExporter(new ExportOptions { OutputDirectory = directory.Path }).Export(supernet, ChainModels.First(supernet));

        var fixedModel = ExportedAssembly.Compile(result.Source.Text).Create(ChainModels.ExportedType, ChainModels.Arguments);
        fixedModel.load(result.WeightsPath!, strict: true);
        var names = fixedModel.state_dict().Keys.ToHashSet();

        Assert.Subset(supernet.state_dict().Keys.ToHashSet(), names);
        Assert.Contains("first.Act_Gated.gate.weight", names);
        Assert.Contains("pair.SecondOp_first_Scaled.0.weight", names);
        Assert.Contains("stem.1.running_mean", names);
        Assert.DoesNotContain(names, name => name.Contains("_Scaled") && name.StartsWith("first."));
        Assert.DoesNotContain(names, name => name.StartsWith("pair.FirstOp_a_"));
        Assert.True(names.Count < supernet.state_dict().Count, "The fixed model should have fewer entries than the supernet.");
    }

    [Fact]
    public void The_same_inputs_give_byte_identical_files()
    {
        using var first = new TemporaryDirectory();
        using var second = new TemporaryDirectory();
        var supernet = ChainModels.Create();
        var architecture = ChainModels.First(supernet);

        var a = new ModelExporter(new ExportOptions { OutputDirectory = first.Path }).Export(supernet, architecture);
        var b = new ModelExporter(new ExportOptions { OutputDirectory = second.Path }).Export(supernet, architecture);
        var otherInstance = new ModelExporter().Render(ChainModels.Create(), architecture);

        Assert.Equal(File.ReadAllBytes(a.SourcePath), File.ReadAllBytes(b.SourcePath));
        Assert.Equal(File.ReadAllBytes(a.WeightsPath!), File.ReadAllBytes(b.WeightsPath!));
        Assert.Equal(a.Source.Text, otherInstance.Text);
    }

    [Fact]
    public void The_exported_source_needs_nothing_from_Parsec()
    {
        var supernet = ChainModels.Create();
        string text = new ModelExporter().Render(supernet, ChainModels.First(supernet)).Text;
        string code = text.Substring(text.IndexOf("#nullable enable"));

        Assert.DoesNotContain("using Parsec", code);
        Assert.DoesNotContain("[SearchCell", code);
        Assert.DoesNotContain("[Choice", code);
        Assert.DoesNotContain("[Candidate", code);
        Assert.DoesNotContain("partial", code);
        Assert.DoesNotContain(ExportedAssembly.ReferencePaths(), path => Path.GetFileName(path).StartsWith("Parsec"));
        Assert.Empty(ExportedAssembly.Diagnose(text, out _));
    }

    [Fact]
    public void Unchosen_candidates_are_left_out_of_the_candidate_set()
    {
        var supernet = ChainModels.Create();
        var architecture = Architectures.Parse(SearchSpace.ModelSearchSpace.Of(supernet), """
            {"Parsec.Export.Tests.TestCells.ChainCell": {"Act": "Relu", "Skip": "input", "Depth": "1", "Scale": "0.5", "Label": "\"wide\""},
             "Parsec.Export.Tests.TestCells.PairCell": {"FirstInputs": ["a", "b"], "FirstOp[0]": "Relu", "FirstOp[1]": "Relu",
                                                        "SecondInputs": ["a", "b"], "SecondOp[0]": "Relu", "SecondOp[1]": "Relu"}}
            """);

        string text = new ModelExporter().Render(supernet, architecture).Text;

        Assert.Contains("public static nn.Module<Tensor, Tensor> Relu(int features)", text);
        Assert.DoesNotContain("Gated(int features)", text);
        Assert.DoesNotContain("Scaled(int features)", text);
        // Helpers and nested types stay: the user's code may use them.
        Assert.Contains("public sealed class Gate", text);
        Assert.Contains("private static nn.Module<Tensor, Tensor> Scale(int features, double factor)", text);
        Assert.Empty(ExportedAssembly.Diagnose(text, out _));
    }

    [Fact]
    public void The_fixed_model_trains_from_scratch()
    {
        var supernet = ChainModels.Create();
        var fixedModel = ExportedAssembly.Compile(new ModelExporter().Render(supernet, ChainModels.First(supernet)).Text)
            .Create(ChainModels.ExportedType, ChainModels.Arguments);
        var optimizer = optim.SGD(fixedModel.parameters(), 0.1);
        var input = randn(16, 6);
        var labels = randint(0, 3, 16);

        double Loss() => nn.functional.cross_entropy(fixedModel.call(input), labels).ToDouble();
        double before = Loss();
        for (int step = 0; step < 20; step++)
        {
            optimizer.zero_grad();
            nn.functional.cross_entropy(fixedModel.call(input), labels).backward();
            optimizer.step();
        }

        Assert.True(Loss() < before, $"Training did not lower the loss: {before} -> {Loss()}.");
    }

    [Fact]
    public void Class_name_and_namespace_can_be_chosen()
    {
        using var directory = new TemporaryDirectory();
        var supernet = ChainModels.Create();
        var architecture = ChainModels.First(supernet);
        var input = randn(3, 6);
        var expected = Supernets.SelectedOutput(supernet, architecture, input);

        var result = new ModelExporter(new ExportOptions { OutputDirectory = directory.Path, ClassName = "ShippedChain", Namespace = "Shop.Models" })
            .Export(supernet, architecture);
        var fixedModel = ExportedAssembly.Compile(result.Source.Text).Create("Shop.Models.ShippedChain", ChainModels.Arguments);

        Assert.Equal(new[] { "ShippedChain.cs", "ShippedChain.weights" }, directory.FileNames());
        Assert.InRange(Supernets.MaxAbsDifference(expected, Supernets.FixedOutput(fixedModel, result.WeightsPath!, input)), 0, 1e-5);
    }

    [Fact]
    public void Weights_can_come_from_a_saved_supernet()
    {
        using var directory = new TemporaryDirectory();
        var trained = ChainModels.Create();
        var architecture = ChainModels.First(trained);
        var input = randn(3, 6);
        var expected = Supernets.SelectedOutput(trained, architecture, input);
        string saved = Path.Combine(directory.Path, "supernet.dat");
        trained.save(saved);
        var fresh = ChainModels.Create();

        var result = new ModelExporter(new ExportOptions { OutputDirectory = directory.Path, SupernetWeights = saved }).Export(fresh, architecture);
        var fixedModel = ExportedAssembly.Compile(result.Source.Text).Create(ChainModels.ExportedType, ChainModels.Arguments);

        Assert.InRange(Supernets.MaxAbsDifference(expected, Supernets.FixedOutput(fixedModel, result.WeightsPath!, input)), 0, 1e-5);
    }
}
