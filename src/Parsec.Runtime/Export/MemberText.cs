using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace Parsec.Export;

/// <summary>Small, syntactic edits of captured C# text: indentation, parameter names, return types.</summary>
internal static class MemberText
{
    private static readonly HashSet<string> Modifiers = new(StringComparer.Ordinal)
    {
        "public", "private", "protected", "internal", "static", "new", "unsafe", "extern", "partial", "readonly", "override", "virtual", "sealed", "abstract",
    };

    /// <summary>
    /// <paramref name="text"/> moved to column 0: the indentation its non-blank lines share is removed and blank lines
    /// are emptied. (A multi-line verbatim string in the text would shift with it; raw strings are unaffected.)
    /// </summary>
    public static string Dedent(string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        int common = lines.Where(line => line.Trim().Length > 0)
            .Select(line => line.Length - line.TrimStart(' ', '\t').Length)
            .DefaultIfEmpty(0)
            .Min();
        return string.Join("\n", lines.Select(line => line.Trim().Length == 0 ? "" : line.Substring(common).TrimEnd()));
    }

    /// <summary>Every non-blank line of <paramref name="text"/> indented by <paramref name="levels"/> levels of four spaces.</summary>
    public static string Indent(string text, int levels = 1)
    {
        string indentation = new(' ', 4 * levels);
        return string.Join("\n", text.Split('\n').Select(line => line.Length == 0 ? line : indentation + line));
    }

    /// <summary>The parameters' names of a method declaration such as <c>private Tensor Op(int slot, Tensor x)</c>.</summary>
    public static IReadOnlyList<string> ParameterNames(string declaration)
    {
        int open = declaration.IndexOf('(');
        int close = declaration.LastIndexOf(')');
        if (open < 0 || close < open) throw new FormatException($"'{declaration}' is not a method declaration.");
        return SplitTopLevel(declaration.Substring(open + 1, close - open - 1))
            .Select(parameter => LastIdentifier(parameter.Split('=')[0]))
            .ToList();
    }

    /// <summary>The return type a method named <paramref name="name"/> is declared with, as written.</summary>
    public static string ReturnType(string methodSource, string name)
    {
        var source = string.Join(" ", methodSource.Split('\n')
            .Select(line => line.Trim())
            .Where(line => !line.StartsWith("//", StringComparison.Ordinal)));
        int at = source.IndexOf(" " + name + "(", StringComparison.Ordinal);
        if (at < 0) throw new FormatException($"Cannot find the method {name} in '{source}'.");
        var words = source.Substring(0, at).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return string.Join(" ", words.SkipWhile(word => Modifiers.Contains(word)));
    }

    /// <summary>
    /// <paramref name="text"/> without the comments about lines that call one of <paramref name="methods"/>: such a
    /// line's trailing <c>//</c> comment, and the whole-line <c>//</c> comments (not <c>///</c>) directly above it (no
    /// blank line between). The export changes what those calls do (a <c>Build</c> call builds the chosen candidates only), so
    /// comments written for the supernet would be wrong there.
    /// </summary>
    public static string WithoutCommentsOnCallsTo(string text, IReadOnlyCollection<string> methods)
    {
        if (methods.Count == 0) return text;
        var call = new Regex($@"\b({string.Join("|", methods.Select(Regex.Escape))})\s*\(");
        var lines = text.Split('\n').ToList();
        for (int i = 0; i < lines.Count; i++)
        {
            int comment = TrailingCommentStart(lines[i]);
            string code = comment < 0 ? lines[i] : lines[i].Substring(0, comment);
            if (!call.IsMatch(code)) continue;
            lines[i] = code.TrimEnd();
            while (i > 0 && IsPlainCommentLine(lines[i - 1]))
                lines.RemoveAt(--i);
        }
        return string.Join("\n", lines);
    }

    /// <summary><paramref name="declaration"/> without a <c>partial</c> modifier.</summary>
    public static string WithoutPartial(string declaration) =>
        string.Join(" ", declaration.Split(' ').Where(word => word != "partial"));

    private static IEnumerable<string> SplitTopLevel(string list)
    {
        int depth = 0, start = 0;
        for (int i = 0; i < list.Length; i++)
        {
            switch (list[i])
            {
                case '<' or '(' or '[' or '{': depth++; break;
                case '>' or ')' or ']' or '}': depth--; break;
                case ',' when depth == 0:
                    yield return list.Substring(start, i - start);
                    start = i + 1;
                    break;
            }
        }
        if (list.Trim().Length > 0) yield return list.Substring(start);
    }

    /// <summary>A line of a <c>//</c> comment only; a <c>///</c> documentation comment describes a member, not a statement.</summary>
    private static bool IsPlainCommentLine(string line)
    {
        string trimmed = line.TrimStart();
        return trimmed.StartsWith("//", StringComparison.Ordinal) && !trimmed.StartsWith("///", StringComparison.Ordinal);
    }

    /// <summary>Where the line's <c>//</c> comment starts, outside string and character literals; -1 without one.</summary>
    private static int TrailingCommentStart(string line)
    {
        char? literal = null;
        bool verbatim = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (literal is null)
            {
                if (c == '/' && i + 1 < line.Length && line[i + 1] == '/') return i;
                if (c is '"' or '\'')
                {
                    literal = c;
                    verbatim = c == '"' && i > 0 && (line[i - 1] == '@' || (i > 1 && line[i - 2] == '@'));
                }
            }
            else if (c == '\\' && !verbatim) i++;
            else if (c == literal)
            {
                if (verbatim && i + 1 < line.Length && line[i + 1] == '"') i++;
                else literal = null;
            }
        }
        return -1;
    }

    private static string LastIdentifier(string text)
    {
        var trimmed = text.Trim();
        int start = trimmed.Length;
        while (start > 0 && (char.IsLetterOrDigit(trimmed[start - 1]) || trimmed[start - 1] is '_' or '@')) start--;
        return trimmed.Substring(start);
    }
}
