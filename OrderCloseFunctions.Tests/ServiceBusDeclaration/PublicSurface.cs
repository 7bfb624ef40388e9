using System.Reflection;
using System.Text;

namespace OrderClose.Tests.ServiceBusDeclaration;

/// <summary>
/// A type's public surface as text, one fact a line: the type, its base and interfaces, its attributes, and every
/// public or protected member it declares with its type, parameters, default values and attributes. Written the
/// same way for the declared types (by reflection) as the checked-in listing of the official ones (by reading their source).
/// </summary>
public static class PublicSurface
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Dictionary<Type, string> Keywords = new()
    {
        [typeof(bool)] = "bool", [typeof(byte)] = "byte", [typeof(char)] = "char", [typeof(int)] = "int", [typeof(long)] = "long",
        [typeof(double)] = "double", [typeof(decimal)] = "decimal", [typeof(string)] = "string", [typeof(object)] = "object", [typeof(void)] = "void",
    };

    public static IReadOnlyList<string> Of(Type type)
    {
        var nullability = new NullabilityInfoContext();
        var lines = new List<string> { $"type {Modifiers(type)} {type.FullName}" };
        var facts = new List<string>();
        if (type.BaseType is { } baseType && baseType != typeof(object))
        {
            facts.Add($"base {Name(baseType)}");
        }
        facts.AddRange(type.GetInterfaces().Where(i => i.IsPublic).Select(i => $"implements {Name(i)}"));
        facts.AddRange(Attributes(type.CustomAttributes).Select(a => $"attribute {a}"));
        facts.AddRange(type.GetConstructors(Declared).Where(IsVisible).Select(c => $"constructor {Access(c)} ({Parameters(c, nullability)})"));
        facts.AddRange(type.GetProperties(Declared).Where(p => p.GetMethod is { } get && IsVisible(get)).Select(p => Property(type, p, nullability)));
        facts.AddRange(type.GetMethods(Declared).Where(m => IsVisible(m) && !m.IsSpecialName).Select(m => Method(m, nullability)));
        lines.AddRange(facts.Order(StringComparer.Ordinal).Select(fact => "  " + fact));
        return lines;
    }

    private static bool IsVisible(MethodBase member) => member.IsPublic || member.IsFamily || member.IsFamilyOrAssembly;

    private static string Access(MethodBase member) => member.IsPublic ? "public" : "protected";

    private static string Modifiers(Type type) =>
        "public" + (type.IsAbstract && type.IsSealed ? " static" : type.IsSealed ? " sealed" : type.IsAbstract ? " abstract" : "") + " class";

    private static string Property(Type type, PropertyInfo property, NullabilityInfoContext nullability)
    {
        var line = new StringBuilder($"property {Access(property.GetMethod!)} {Name(property.PropertyType, nullability.Create(property))} {property.Name} {{ get;");
        if (property.SetMethod is { } set && IsVisible(set))
        {
            line.Append(" set;");
        }
        line.Append(" }");
        if (property.SetMethod is { } setter && IsVisible(setter) && Unset(type) is { } fresh)
        {
            line.Append(" = ").Append(Literal(property.GetValue(fresh), property.PropertyType));
        }
        foreach (var attribute in Attributes(property.CustomAttributes))
        {
            line.Append(' ').Append(attribute);
        }
        return line.ToString();
    }

    /// <summary>An instance built by the type's first public constructor with placeholder arguments: what a settable property holds when nobody sets it.</summary>
    private static object? Unset(Type type) =>
        type.GetConstructors().OrderBy(c => c.GetParameters().Length).FirstOrDefault() is { } constructor
            ? constructor.Invoke(constructor.GetParameters().Select(p => p.ParameterType == typeof(string) ? "x" : null).ToArray())
            : null;

    private static string Method(MethodInfo method, NullabilityInfoContext nullability)
    {
        var modifiers = Access(method)
            + (method.IsStatic ? " static" : "")
            + (method.IsAbstract ? " abstract" : method.GetBaseDefinition() != method ? " override" : method.IsVirtual && !method.IsFinal ? " virtual" : "");
        return $"method {modifiers} {Name(method.ReturnType, nullability.Create(method.ReturnParameter))} {method.Name}({Parameters(method, nullability)})";
    }

    private static string Parameters(MethodBase method, NullabilityInfoContext nullability) => string.Join(", ", method.GetParameters().Select(p =>
        $"{Name(p.ParameterType, nullability.Create(p))} {p.Name}" + (p.HasDefaultValue ? " = " + Literal(p.DefaultValue, p.ParameterType) : "")));

    private static IEnumerable<string> Attributes(IEnumerable<CustomAttributeData> attributes) => attributes
        .Where(a => a.AttributeType.Namespace is not ("System.Runtime.CompilerServices" or "System.Diagnostics.CodeAnalysis" or "System.Diagnostics"))
        .Select(a => $"[{a.AttributeType.FullName}({string.Join(", ", a.ConstructorArguments.Select(Argument).Concat(a.NamedArguments.Select(n => $"{n.MemberName} = {Argument(n.TypedValue)}")))})]")
        .Order(StringComparer.Ordinal);

    private static string Argument(CustomAttributeTypedArgument argument) => argument.Value switch
    {
        Type type => $"typeof({type.FullName})",
        // Compiled, an enum argument is its value: every name of that value, since aliases (Default = Allow) cannot be told apart.
        _ when argument.ArgumentType.IsEnum => $"{argument.ArgumentType.FullName}.{string.Join('|', EnumNames(argument.ArgumentType, argument.Value!))}",
        var value => Literal(value, argument.ArgumentType),
    };

    private static IEnumerable<string> EnumNames(Type type, object value) => Enum.GetNames(type)
        .Where(name => Convert.ToInt64(Enum.Parse(type, name), System.Globalization.CultureInfo.InvariantCulture) == Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture))
        .Order(StringComparer.Ordinal);

    private static string Literal(object? value, Type type) => value switch
    {
        null when type.IsValueType => "default",
        null => "null",
        bool flag => flag ? "true" : "false",
        string text => $"\"{text}\"",
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!,
    };

    private static string Name(Type type, NullabilityInfo? nullability = null)
    {
        var name = Keywords.TryGetValue(type, out var keyword) ? keyword
            : type.IsArray ? Name(type.GetElementType()!, nullability?.ElementType) + "[]"
            : type.IsGenericType ? $"{type.Namespace}.{type.Name[..type.Name.IndexOf('`')]}<{string.Join(", ", type.GetGenericArguments().Select((t, i) => Name(t, nullability?.GenericTypeArguments.ElementAtOrDefault(i))))}>"
            : type.FullName!;
        return !type.IsValueType && nullability?.ReadState == NullabilityState.Nullable ? name + "?" : name;
    }
}
