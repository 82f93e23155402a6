using static TorchSharp.torch;

namespace Parsec.SearchSpace;

/// <summary>Mixing weights for a cell running its continuous relaxation (see <see cref="ISearchCell.Relaxation"/>).</summary>
public interface IRelaxation
{
    /// <summary>
    /// Weights over the candidates of operation choice <paramref name="choice"/> (an index into the cell's choices),
    /// shape <c>[candidates]</c>. <paramref name="input"/> is the input whose weights are mixed for a per-input
    /// family member, and 0 otherwise.
    /// </summary>
    Tensor OperationWeights(ISearchCell cell, int choice, int input);

    /// <summary>
    /// Weights over the inputs available to slot <paramref name="slot"/> of input choice <paramref name="choice"/>,
    /// shape <c>[inputs]</c>. A per-input operation family reads them to mix its slot over every input.
    /// </summary>
    Tensor InputWeights(ISearchCell cell, int choice, int slot);
}
