namespace Parsec.Samples.NasBench201.FashionMnist;

/// <summary>Where a cell's score came from.</summary>
public enum CellScoreSource
{
    /// <summary>The lookup table's row.</summary>
    Table,

    /// <summary>A result already in the results directory, trained by an earlier run.</summary>
    EarlierTrial,

    /// <summary>A trial this run trained.</summary>
    Trained,
}
