using System;
using System.Collections.Generic;
using System.Linq;
using Scriban;
using Scriban.Runtime;

namespace Parsec.Export;

/// <summary>
/// Renders <see cref="ExportTemplates"/> with Scriban. A model object's properties reach the template in snake_case
/// (<c>FieldType</c> is <c>field_type</c>); the function <c>indent</c> indents every non-blank line by four spaces.
/// </summary>
internal sealed class TemplateRenderer
{
    private readonly ExportTemplates templates;
    private readonly Dictionary<string, Template> parsed = new(StringComparer.Ordinal);

    public TemplateRenderer(ExportTemplates templates) => this.templates = templates;

    public string Render(string name, object model)
    {
        var template = Parse(name);
        var globals = new ScriptObject();
        globals.Import(model);
        globals.Import("indent", new Func<string, string>(text => MemberText.Indent(text)));
        var context = new TemplateContext { StrictVariables = true, NewLine = "\n" };
        context.PushGlobal(globals);
        try
        {
            // Templates end in a newline; the layout around them decides the spacing.
            return template.Render(context).TrimEnd();
        }
        catch (Scriban.Syntax.ScriptRuntimeException exception)
        {
            throw new InvalidOperationException($"The export template {name} failed: {exception.Message}", exception);
        }
    }

    private Template Parse(string name)
    {
        if (parsed.TryGetValue(name, out var template)) return template;
        template = Template.Parse(templates.Text(name), name);
        if (template.HasErrors)
            throw new InvalidOperationException(
                $"The export template {name} does not parse: {string.Join("; ", template.Messages.Select(m => m.ToString()))}");
        return parsed[name] = template;
    }
}
