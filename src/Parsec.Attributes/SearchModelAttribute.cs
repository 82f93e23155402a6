using System;

namespace Parsec;

/// <summary>
/// Marks the partial class of the network that composes search cells, so that its source is captured and
/// the exporter can emit the whole searched model as plain TorchSharp code.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = false)]
public sealed class SearchModelAttribute : Attribute
{
}
