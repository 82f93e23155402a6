using System;
using System.Reflection;
using Parsec.SearchSpace;

namespace Parsec.Export;

/// <summary>Reads the source the generator captured for a <c>[SearchModel]</c> class (<see cref="ISearchModel.ModelSource"/>).</summary>
internal static class SearchModelSource
{
    /// <exception cref="ArgumentException">The class is not a <c>[SearchModel]</c>; the message says how to make it one.</exception>
    public static SourceCapture Of(Type modelType)
    {
        if (!typeof(ISearchModel).IsAssignableFrom(modelType))
            throw new ArgumentException(
                $"{modelType.FullName} is not a search model: add [SearchModel] to the class (and declare it partial) so that " +
                "Parsec's generator captures its source, which the export reassembles around the fixed cells.", nameof(modelType));
        var property = modelType.GetProperty(nameof(ISearchModel.ModelSource), BindingFlags.Public | BindingFlags.Static)
            ?? throw new ArgumentException($"{modelType.FullName} implements ISearchModel without a public static ModelSource.", nameof(modelType));
        return (SourceCapture)property.GetValue(null)!;
    }
}
