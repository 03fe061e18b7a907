namespace AiEtl;

/// <summary>
/// Boxes of the small integers, made once: a dynamic row holds its values as objects, and columns such as ages,
/// counts and codes repeat a few hundred values over millions of rows, one 24-byte box each.
/// </summary>
internal static class BoxedIntegers
{
    private const long Smallest = -128;
    private const long Largest = 1023;

    private static readonly object[] s_boxes = MakeBoxes();

    /// <summary><paramref name="value"/> as an object: a shared box when it is small, a new one otherwise.</summary>
    public static object Box(long value) =>
        (ulong)(value - Smallest) <= Largest - Smallest ? s_boxes[value - Smallest] : value;

    private static object[] MakeBoxes()
    {
        var boxes = new object[Largest - Smallest + 1];
        for (var i = 0; i < boxes.Length; i++)
        {
            boxes[i] = Smallest + i;
        }

        return boxes;
    }
}
