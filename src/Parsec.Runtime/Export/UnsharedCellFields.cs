using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace Parsec.Export;

/// <summary>
/// Gives each model field that holds an unshared cell the class of the architecture its instance chose, when the
/// cell's type is exported as one class per architecture (<c>Block_0</c>, <c>Block_1</c>): the field's declaration
/// <c>Block first</c> and its construction <c>first = new Block(</c> name that class.
/// </summary>
internal static class UnsharedCellFields
{
    /// <summary>The model's members with every such field retyped.</summary>
    /// <exception cref="NotSupportedException">
    /// An instance is not a field of the model (its module path has a dot: a list, a sequential, a nested module), or
    /// the members do not hold exactly one declaration and one construction of its field.
    /// </exception>
    public static IReadOnlyList<string> Retype(IReadOnlyList<string> modelMembers, IEnumerable<FixedCell> cells)
    {
        var members = modelMembers.ToArray();
        foreach (var cell in cells.Where(cell => cell.ClassName != cell.TypeName))
            foreach (string path in cell.Groups.Select(group => group.ModulePath!))
            {
                string type = Regex.Escape(cell.TypeName), field = Regex.Escape(path);
                var declaration = new Regex($@"\b{type}(\??\s+{field}\b)");
                var construction = new Regex($@"\b({field}\s*=\s*new\s+){type}\b");
                if (path.Contains('.') || Count(members, declaration) != 1 || Count(members, construction) != 1)
                    throw new NotSupportedException(
                        $"The unshared cells of type {cell.Space.CellType} chose different architectures, which the export writes " +
                        $"as one class per architecture ({cell.TypeName}_0, {cell.TypeName}_1, ...), so it must give the instance at " +
                        $"'{path}' the class {cell.ClassName}. It can do that only for a field of the model declared once as " +
                        $"'{cell.TypeName} {path}' and built once by '{path} = new {cell.TypeName}(...)', which it did not find. " +
                        "Hold each instance in such a field, export an architecture that chooses the same for every instance, " +
                        "or search the cell with SharedArchitecture = true.");
                for (int m = 0; m < members.Length; m++)
                    members[m] = construction.Replace(declaration.Replace(members[m], cell.ClassName + "$1"), "$1" + cell.ClassName);
            }
        return members;
    }

    private static int Count(IEnumerable<string> members, Regex pattern) => members.Sum(member => pattern.Matches(member).Count);
}
