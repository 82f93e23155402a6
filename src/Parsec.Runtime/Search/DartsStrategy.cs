using System;
using System.IO;
using System.Linq;
using Parsec.Data;
using Parsec.SearchSpace;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Parsec.Search;

/// <summary>
/// First-order DARTS (Liu, Simonyan and Yang 2019): every cell runs its continuous relaxation, and α is updated by
/// Adam from the same training-batch gradient as the weights, simultaneously. The result is argmax α.
/// </summary>
public sealed class DartsStrategy : ISearchStrategy
{
    private SearchContext? context;
    private DartsRelaxation? relaxation;
    private Adam? optimizer;

    /// <summary>Creates the strategy; α is created on the model's device when the search starts.</summary>
    public DartsStrategy(ModelSearchSpace space, DartsOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(space);
        Space = space;
        Options = options ?? new DartsOptions();
    }

    /// <inheritdoc />
    public string Name => "darts";

    /// <inheritdoc />
    public ModelSearchSpace Space { get; }

    /// <summary>The strategy's settings.</summary>
    public DartsOptions Options { get; }

    /// <summary>The relaxation and its α (after <see cref="Initialize"/>).</summary>
    public DartsRelaxation Relaxation => relaxation ?? throw new InvalidOperationException("Call Initialize first.");

    /// <inheritdoc />
    public bool NeedsValidationBatch => false;

    /// <inheritdoc />
    public void Initialize(SearchContext context)
    {
        this.context = context;
        var dtype = Space.Model.parameters().FirstOrDefault()?.dtype ?? ScalarType.Float32;
        relaxation = new DartsRelaxation(Space, context.Device, dtype, new SearchRandom(Options.Seed));
        optimizer?.Dispose();
        optimizer = optim.Adam(relaxation.Parameters, Options.ArchitectureLearningRate,
            Options.ArchitectureBeta1, Options.ArchitectureBeta2, weight_decay: Options.ArchitectureWeightDecay);
    }

    /// <inheritdoc />
    public StepFigures Step(SearchStep step)
    {
        var run = context ?? throw new InvalidOperationException("Call Initialize before Step.");
        foreach (var alpha in Relaxation.Parameters) alpha.grad = null;
        Space.Relax(Relaxation);
        var result = run.Evaluation.Evaluate(Space.Model, step.Training);
        double summedLoss = result.SummedLoss.ToDouble();
        SearchDivergedException.ThrowIfNotFinite(summedLoss, step.Index, () => "the relaxed supernet");
        result.SummedLoss.div(step.Training.Size).backward();
        Optimizer.step();
        return new StepFigures(summedLoss / step.Training.Size, (double)result.Correct / step.Training.Size, double.NaN, Entropy());
    }

    /// <summary>The entropy of the relaxation's softmax weights, summed over choices, in nats.</summary>
    public double Entropy() => Relaxation.Summaries().Sum(choice => choice.Entropy);

    /// <inheritdoc />
    public SearchResult Summarize(int count, Func<ModelArchitecture, double> validationLoss)
    {
        var best = Relaxation.Derive();
        return new SearchResult(Name, Space, best, new[] { new RankedArchitecture(best, Relaxation.LogWeight(best)) }, Relaxation.Summaries());
    }

    /// <inheritdoc />
    public void SaveState(BinaryWriter writer)
    {
        foreach (var alpha in Relaxation.Parameters)
            foreach (double value in alpha.detach().to(float64).cpu().data<double>().ToArray()) writer.Write(value);
        Optimizer.save_state_dict(writer);
    }

    /// <inheritdoc />
    public void LoadState(BinaryReader reader)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        foreach (var alpha in Relaxation.Parameters)
        {
            var values = Enumerable.Range(0, (int)alpha.numel()).Select(_ => reader.ReadDouble()).ToArray();
            alpha.copy_(tensor(values, float64).to(alpha.dtype).to(alpha.device).reshape(alpha.shape));
        }
        Optimizer.load_state_dict(reader);
    }

    private Adam Optimizer => optimizer ?? throw new InvalidOperationException("Call Initialize first.");
}
