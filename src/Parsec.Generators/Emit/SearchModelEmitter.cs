using Parsec.Generators.Model;

namespace Parsec.Generators.Emit;

/// <summary>Writes the generated half of a <c>[SearchModel]</c> class: <c>ISearchModel</c> with its source.</summary>
internal static class SearchModelEmitter
{
    public static string HintName(SearchModelModel model) => model.FullName + ".SearchModel.g.cs";

    public static string Emit(SearchModelModel model) =>
        FileFrame.Write(model.Namespace, model.ContainingTypes, model, static (writer, model) =>
        {
            writer.Open($"partial {model.Keyword} {model.Name} : {CSharp.SearchSpace}.ISearchModel");
            writer.Line($"/// <summary>The source of <see cref=\"{model.Name}\"/>, which the exporter reassembles around the fixed cells.</summary>");
            writer.Line($"public static {CSharp.SearchSpace}.SourceCapture ModelSource {{ get; }} =");
            writer.Indent();
            SourceCaptureWriter.Write(writer, model.Source, ";");
            writer.Unindent();
            writer.Close();
        });
}
