namespace Parsec.SearchSpace;

/// <summary>
/// Implemented by the generator for every <see cref="SearchModelAttribute"/> class: the network's own source, which
/// the exporter reassembles around the fixed cells.
/// </summary>
public interface ISearchModel
{
    /// <summary>The network class's source.</summary>
    static abstract SourceCapture ModelSource { get; }
}
