using System;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Parsec.Generators.Parsing;

/// <summary>Constants written back as C# source text that compiles anywhere (fully qualified, typed by suffix).</summary>
internal static class Literals
{
    /// <summary>A parameter's default value, as it follows <c>=</c> in a declaration.</summary>
    public static string DefaultValue(IParameterSymbol parameter)
    {
        object? value = parameter.ExplicitDefaultValue;
        if (value is null)
            return parameter.Type.IsValueType && parameter.Type.OriginalDefinition.SpecialType != SpecialType.System_Nullable_T
                ? "default"
                : "null";
        return Constant(parameter.Type, value);
    }

    /// <summary>An attribute argument's value, or null when it is not a constant the generator can write.</summary>
    public static string? Constant(TypedConstant constant)
    {
        if (constant.Kind == TypedConstantKind.Error || constant.Kind == TypedConstantKind.Array) return null;
        if (constant.IsNull) return "null";
        if (constant.Kind == TypedConstantKind.Type)
            return constant.Value is ITypeSymbol type ? "typeof(" + type.ToDisplayString(SymbolFormats.FullyQualified) + ")" : null;
        return constant.Type is null || constant.Value is null ? null : Constant(constant.Type, constant.Value);
    }

    /// <summary>
    /// A literal attribute argument (a number, optionally negated, a string, a character, <c>true</c> or <c>false</c>)
    /// as its type, the text <see cref="Constant(TypedConstant)"/> writes for the constant it is, and the constant; null
    /// for anything else, decimals included (no attribute argument can be one).
    /// </summary>
    public static (SpecialType Type, string Text, object Value)? Value(ExpressionSyntax expression)
    {
        bool negated = expression.IsKind(SyntaxKind.UnaryMinusExpression);
        if (negated) expression = ((PrefixUnaryExpressionSyntax)expression).Operand;
        if (expression is not LiteralExpressionSyntax literal
            || !(literal.IsKind(SyntaxKind.NumericLiteralExpression)
                 || !negated && (literal.IsKind(SyntaxKind.StringLiteralExpression) || literal.IsKind(SyntaxKind.CharacterLiteralExpression)
                                 || literal.IsKind(SyntaxKind.TrueLiteralExpression) || literal.IsKind(SyntaxKind.FalseLiteralExpression))))
            return null;
        object? value = literal.Token.Value;
        if (negated)
        {
            // An unsigned literal negated is a compile-time special case (-2147483648 is an int); leave it to the compiler.
            value = value switch
            {
                int number => -number,
                long number => -number,
                float number => -number,
                double number => -number,
                _ => null,
            };
        }
        var type = value switch
        {
            int => SpecialType.System_Int32,
            long => SpecialType.System_Int64,
            uint => SpecialType.System_UInt32,
            ulong => SpecialType.System_UInt64,
            float => SpecialType.System_Single,
            double => SpecialType.System_Double,
            string => SpecialType.System_String,
            char => SpecialType.System_Char,
            bool => SpecialType.System_Boolean,
            _ => SpecialType.None,
        };
        return type == SpecialType.None ? null : (type, Primitive(value!), value!);
    }

    private static string Constant(ITypeSymbol type, object value)
    {
        if (type is INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType)
        {
            string enumName = enumType.ToDisplayString(SymbolFormats.FullyQualified);
            var member = enumType.GetMembers().OfType<IFieldSymbol>()
                .FirstOrDefault(field => field.HasConstantValue && Equals(field.ConstantValue, value));
            return member is not null ? enumName + "." + member.Name : "(" + enumName + ")(" + Primitive(value) + ")";
        }
        return Primitive(value);
    }

    private static string Primitive(object value) => value switch
    {
        string text => SymbolDisplay.FormatLiteral(text, quote: true),
        char character => SymbolDisplay.FormatLiteral(character, quote: true),
        bool flag => flag ? "true" : "false",
        int number => number.ToString(CultureInfo.InvariantCulture),
        long number => number.ToString(CultureInfo.InvariantCulture) + "L",
        uint number => number.ToString(CultureInfo.InvariantCulture) + "U",
        ulong number => number.ToString(CultureInfo.InvariantCulture) + "UL",
        short number => "(short)" + number.ToString(CultureInfo.InvariantCulture),
        ushort number => "(ushort)" + number.ToString(CultureInfo.InvariantCulture),
        byte number => "(byte)" + number.ToString(CultureInfo.InvariantCulture),
        sbyte number => "(sbyte)(" + number.ToString(CultureInfo.InvariantCulture) + ")",
        float number => Floating(number, "float", "F"),
        double number => Floating(number, "double", ""),
        decimal number => number.ToString(CultureInfo.InvariantCulture) + "M",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "default",
    };

    private static string Floating(double number, string keyword, string suffix)
    {
        if (double.IsNaN(number)) return keyword + ".NaN";
        if (double.IsPositiveInfinity(number)) return keyword + ".PositiveInfinity";
        if (double.IsNegativeInfinity(number)) return keyword + ".NegativeInfinity";
        string text = suffix.Length > 0
            ? ((float)number).ToString("R", CultureInfo.InvariantCulture)
            : number.ToString("R", CultureInfo.InvariantCulture);
        if (text.IndexOfAny(new[] { '.', 'E' }) < 0) text += ".0";
        return text + suffix;
    }
}
