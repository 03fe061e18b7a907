namespace AiEtl.Generators.Tests.Records;

/// <summary>The state of an <see cref="Order"/>.</summary>
public enum OrderStatus
{
    /// <summary>Not shipped yet.</summary>
    Pending,

    /// <summary>On its way.</summary>
    Shipped,
}
