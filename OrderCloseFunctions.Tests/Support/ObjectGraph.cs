using System.Reflection;

namespace OrderClose.Tests.Support;

/// <summary>
/// Whether an object holds another, anywhere in the fields it reaches: what an SDK client keeps of what it was built
/// with, seen without naming its internals (which change from version to version).
/// </summary>
public static class ObjectGraph
{
    private const BindingFlags InstanceFields = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;

    public static bool Holds(object root, object target, int maxObjects = 200_000)
    {
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var pending = new Queue<object>([root]);
        while (pending.TryDequeue(out var current) && seen.Count < maxObjects)
        {
            if (ReferenceEquals(current, target))
            {
                return true;
            }
            if (!seen.Add(current))
            {
                continue;
            }
            foreach (var next in Children(current))
            {
                if (next is not null && !IsLeaf(next.GetType()) && !seen.Contains(next))
                {
                    pending.Enqueue(next);
                }
            }
        }
        return false;
    }

    private static IEnumerable<object?> Children(object current)
    {
        if (current is Array array)
        {
            return IsLeaf(array.GetType().GetElementType()!) ? [] : array.Cast<object?>();
        }
        var children = new List<object?>();
        for (var type = current.GetType(); type is not null; type = type.BaseType)
        {
            foreach (var field in type.GetFields(InstanceFields))
            {
                if (!field.FieldType.IsPointer && !field.FieldType.IsByRefLike && !IsLeaf(field.FieldType))
                {
                    children.Add(field.GetValue(current));
                }
            }
        }
        return children;
    }

    private static bool IsLeaf(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type.IsPointer
        || typeof(MemberInfo).IsAssignableFrom(type);
}
