using Microsoft.CodeAnalysis;

namespace Parsec.Generators;

/// <summary>
/// Every diagnostic the Parsec generator reports. The ids are stable: 00x concern the cell or model class (and the
/// names of its members), 01x the choice members, 02x candidate sets, 03x value lists. docs/diagnostics.md explains each with an example.
/// </summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "Parsec";

    /// <summary>Where each descriptor's help link points: its section of docs/diagnostics.md, under the RepositoryUrl of Directory.Build.props.</summary>
    internal const string HelpBase = "https://example.invalid/parsec/blob/main/docs/diagnostics.md#";

    public static readonly DiagnosticDescriptor CellNotPartial = Error(
        "PARSEC001", "Search cell must be partial",
        "Search cell '{0}' must be partial: add the 'partial' modifier so that the generator can implement its choices");

    public static readonly DiagnosticDescriptor CellNotModule = Error(
        "PARSEC002", "Search cell must derive from a TorchSharp module",
        "Search cell '{0}' must derive from a TorchSharp module, for example nn.Module<Tensor, Tensor>");

    public static readonly DiagnosticDescriptor GenericType = Error(
        "PARSEC003", "Generic types are not supported",
        "'{0}' is generic; Parsec supports no generic search cell, search model, containing type or candidate set: make it non-generic");

    public static readonly DiagnosticDescriptor ContainingTypeNotPartial = Error(
        "PARSEC004", "Type containing a search cell or model must be partial",
        "'{0}' contains '{1}' and must be partial: add the 'partial' modifier to '{0}'");

    public static readonly DiagnosticDescriptor CellWithoutChoices = Warning(
        "PARSEC005", "Search cell has no choices",
        "Search cell '{0}' declares no [Choice], [InputChoice] or [ValueChoice] member, so it has a single architecture: add a choice or remove [SearchCell]");

    public static readonly DiagnosticDescriptor SearchSpaceSize = Create(
        "PARSEC006", "Search space size",
        "{0}: {1}, {2}", DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor SearchModelNotPartial = Error(
        "PARSEC007", "Search model must be partial",
        "Search model '{0}' must be partial: add the 'partial' modifier so that the generator can capture its source");

    public static readonly DiagnosticDescriptor CellNotClass = Error(
        "PARSEC008", "Search cell must be a class",
        "Search cell '{0}' is a struct: declare it as a partial class deriving from a TorchSharp module, for example 'public sealed partial class {0} : nn.Module<Tensor, Tensor>'");

    public static readonly DiagnosticDescriptor GeneratedNameTaken = Error(
        "PARSEC009", "Name taken by a generated member",
        "'{0}' of '{1}' has the name of {2} that the generator adds: rename it, since the generator owns the name");

    public static readonly DiagnosticDescriptor ChoiceMemberNotPartial = Error(
        "PARSEC010", "Choice member must be a partial declaration",
        "'{0}' must be a partial declaration without a body: declare it 'partial' and remove the body; the generator implements it");

    public static readonly DiagnosticDescriptor ChoiceOnWrongMemberKind = Error(
        "PARSEC011", "Choice attribute on the wrong kind of member",
        "[{0}] cannot mark '{1}': it applies only to {2}");

    public static readonly DiagnosticDescriptor MultipleChoiceAttributes = Error(
        "PARSEC012", "Member carries more than one choice attribute",
        "'{0}' carries more than one of [Choice], [InputChoice] and [ValueChoice]: keep one");

    public static readonly DiagnosticDescriptor OperationChoiceSignature = Error(
        "PARSEC013", "Operation choice has an unsupported signature",
        "Operation choice '{0}' must be declared as {1}");

    public static readonly DiagnosticDescriptor InputChoiceSignature = Error(
        "PARSEC014", "Input choice has an unsupported signature",
        "Input choice '{0}' {1}");

    public static readonly DiagnosticDescriptor ValueChoiceSignature = Error(
        "PARSEC015", "Value choice must be a get-only instance property",
        "Value choice '{0}' must be a partial instance property with only a 'get' accessor, for example 'private partial int {0} {{ get; }}'");

    public static readonly DiagnosticDescriptor InputCountOutOfRange = Error(
        "PARSEC016", "Input choice count out of range",
        "Input choice '{0}' has {1} input(s), so its Count must be between 1 and {1}, not {2}");

    public static readonly DiagnosticDescriptor PerInputMemberMissing = Error(
        "PARSEC017", "PerInput names no member of the cell",
        "PerInput of '{0}' names '{1}', which is not a member of '{2}': name one of its [InputChoice] methods, for example PerInput = nameof(Node0Inputs)");

    public static readonly DiagnosticDescriptor PerInputNotInputChoice = Error(
        "PARSEC018", "PerInput names a member that is not an input choice",
        "PerInput of '{0}' names '{1}', which is not an [InputChoice] method: mark '{1}' [InputChoice] or name an input choice");

    public static readonly DiagnosticDescriptor NotACandidateSet = Error(
        "PARSEC020", "Choice type is not a candidate set",
        "'{0}' is not a candidate set: mark it [CandidateSet] and its candidate methods [Candidate], or pass a candidate set to [Choice]");

    public static readonly DiagnosticDescriptor EmptyCandidateSet = Error(
        "PARSEC021", "Candidate set has no candidates",
        "Candidate set '{0}' has no [Candidate] method: mark its candidate factory methods [Candidate]");

    public static readonly DiagnosticDescriptor SingleCandidate = Warning(
        "PARSEC022", "Candidate set has a single candidate",
        "Candidate set '{0}' has only one candidate, '{1}', so choice '{2}' chooses nothing: add candidates or call the module directly");

    public static readonly DiagnosticDescriptor DuplicateCandidateName = Error(
        "PARSEC023", "Candidate names must be unique",
        "Candidate set '{0}' has more than one candidate named '{1}': rename the overloads, since a candidate's name is its method name");

    public static readonly DiagnosticDescriptor CandidateParametersDiffer = Error(
        "PARSEC024", "Candidates must share one parameter list",
        "Candidate '{1}' of '{0}' takes ({2}) but '{3}' takes ({4}): give every candidate of a set the same parameter types");

    public static readonly DiagnosticDescriptor CandidateReturnType = Error(
        "PARSEC025", "Candidate must return a Module<Tensor, Tensor>",
        "Candidate '{1}' of '{0}' returns '{2}': return nn.Module<Tensor, Tensor> or a module deriving from it");

    public static readonly DiagnosticDescriptor CandidateNotCallable = Error(
        "PARSEC026", "Candidate must be a static method the cell can call",
        "Candidate '{1}' of '{0}' must be a non-generic static method that '{2}' can call: make it 'public static' or 'internal static'");

    public static readonly DiagnosticDescriptor EmptyValueList = Error(
        "PARSEC030", "Value choice has no values",
        "Value choice '{0}' lists no values: give [ValueChoice] at least one, for example [ValueChoice(1, 2, 3)]");

    public static readonly DiagnosticDescriptor MixedValueTypes = Error(
        "PARSEC031", "Value choice mixes value types",
        "Value {0} of '{1}' is of type '{2}' but the first value is of type '{3}': write every value with the same type");

    public static readonly DiagnosticDescriptor ValueNotConvertible = Error(
        "PARSEC032", "Value does not convert to the property type",
        "Value {0} of '{1}' is of type '{2}', which does not convert implicitly to '{3}': write a value of type '{3}' or change the property's type");

    public static readonly DiagnosticDescriptor RepeatedValue = Error(
        "PARSEC033", "Value choice lists a value twice",
        "Value {0} of '{1}' equals value {2} listed before it: list each value once (a repeated value is weighted twice by the uniform prior, and its second copy reads back as the first)");

    public static readonly DiagnosticDescriptor ArrayValue = Error(
        "PARSEC034", "Value choice values must be separate arguments",
        "'{0}' passes an array as a value: list the values as separate arguments, for example [ValueChoice(1, 2, 4)]");

    private static DiagnosticDescriptor Error(string id, string title, string message) => Create(id, title, message, DiagnosticSeverity.Error);

    private static DiagnosticDescriptor Warning(string id, string title, string message) => Create(id, title, message, DiagnosticSeverity.Warning);

    /// <summary>A descriptor whose help link is its section of the docs (GitHub's heading anchor: the id in lower case).</summary>
    private static DiagnosticDescriptor Create(string id, string title, string message, DiagnosticSeverity severity) =>
        new(id, title, message, Category, severity, isEnabledByDefault: true, helpLinkUri: HelpBase + id.ToLowerInvariant());
}
