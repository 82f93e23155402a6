using System;
using System.Collections.Generic;
using System.Linq;

namespace Parsec.Export;

/// <summary>
/// The exported types nested as they were declared: each type inside its containing types, a containing type
/// declared once however many exported types it holds.
/// </summary>
internal sealed class TypeTree
{
    private readonly List<Node> roots = new();

    /// <summary>Adds a type with its members (at column 0) inside <paramref name="containingTypes"/> (outermost first).</summary>
    /// <exception cref="NotSupportedException">Two exported types have the same declaration in the same place.</exception>
    public void Add(IEnumerable<string> containingTypes, string declaration, IEnumerable<string> members)
    {
        var level = roots;
        foreach (string container in containingTypes)
        {
            var node = level.FirstOrDefault(n => SameType(n.Declaration, container));
            // The generator captures a nested type as a member of its containing type, verbatim (choice declarations
            // and all candidates included), so a cell or set nested in another exported type cannot be fixed.
            if (node is { IsContainer: false })
                throw new NotSupportedException(
                    $"'{declaration}' is declared inside '{container}', which is exported too: move it out of that type to export it.");
            if (node is null) level.Add(node = new Node(container, IsContainer: true));
            level = node.Children;
        }
        if (level.Any(n => SameType(n.Declaration, declaration)))
            throw new NotSupportedException(
                $"Two exported types are both declared as '{declaration}' (from different namespaces): the export puts every type " +
                "in one namespace, so give them different names.");
        var added = new Node(declaration, IsContainer: false);
        added.Members.AddRange(members);
        level.Add(added);
    }

    /// <summary>Each outermost type rendered with the Type template.</summary>
    public IEnumerable<string> Render(TemplateRenderer templates) => roots.Select(root => Render(root, templates)).ToList();

    private static string Render(Node node, TemplateRenderer templates) =>
        templates.Render("Type.scriban", new
        {
            node.Declaration,
            Members = JoinOneLiners(node.Members.Concat(node.Children.Select(child => Render(child, templates)))),
        });

    /// <summary>Runs of one-line members (fields, expression-bodied candidates) joined into one block, as they are usually written.</summary>
    private static List<string> JoinOneLiners(IEnumerable<string> members)
    {
        var blocks = new List<string>();
        bool previousWasOneLine = false;
        foreach (string member in members)
        {
            bool oneLine = !member.Contains('\n');
            if (oneLine && previousWasOneLine) blocks[^1] += "\n" + member;
            else blocks.Add(member);
            previousWasOneLine = oneLine;
        }
        return blocks;
    }

    private static bool SameType(string declaration, string other) =>
        MemberText.WithoutPartial(declaration) == MemberText.WithoutPartial(other);

    private sealed record Node(string Declaration, bool IsContainer)
    {
        public List<string> Members { get; } = new();

        public List<Node> Children { get; } = new();
    }
}
